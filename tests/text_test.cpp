// Text helpers the core and the page share (src/core/text.h).
#include <doctest/doctest.h>

#include "text.h"

using namespace recert;

TEST_CASE("Text: case folds ASCII letters only, as the C locale does") {
    CHECK(lower("NAMSS Webinar") == "namss webinar");
    CHECK(lower("\xC3\x80 LA CARTE") == "\xC3\x80 la carte");  // "À" stays as it is
    CHECK(lower('Q') == 'q');
    CHECK(capitalized("hours") == "Hours");
    CHECK(capitalized("CEUs") == "CEUs");
    CHECK(capitalized("") == "");
}
