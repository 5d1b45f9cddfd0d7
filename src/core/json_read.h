// Reading JSON documents into value types while naming where each problem is,
// as a JSON pointer ("/entries/3/date") or a line and column for syntax errors.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "decimal.h"

namespace recert {

struct Problem {
    std::string where;  // JSON pointer, or "line L, column C"
    std::string what;
};
using Problems = std::vector<Problem>;
std::string describe(const Problem& p);

// Parses text without throwing out of here; a syntax error becomes a problem with its line and column.
std::optional<nlohmann::json> parse_json(std::string_view text, Problems& problems);

enum class Need { required, optional };

// A value inside a document being read, with its pointer; every reader reports what it rejects.
class Node {
public:
    Node(const nlohmann::json& j, std::string path, Problems& problems) : j_(j), path_(std::move(path)), p_(problems) {}

    const nlohmann::json& raw() const { return j_; }
    std::size_t problem_count() const { return p_.size(); }
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const;
    void problem(std::string what) const { p_.push_back({path_.empty() ? "/" : path_, std::move(what)}); }
    void problem_at(std::string_view key, std::string what) const { p_.push_back({path_of(key), std::move(what)}); }

    bool expect_object() const;
    bool expect_array() const;
    bool has(std::string_view key) const;
    Node at(std::string_view key) const;
    Node at(std::size_t index) const;
    // Problems for keys not listed: a misspelt field in a program file must not pass silently.
    void only(std::initializer_list<std::string_view> keys) const;

    std::optional<std::string> text(std::string_view key, Need need, std::size_t max_size = 10000) const;
    std::optional<std::string> id(std::string_view key, Need need) const;
    std::optional<bool> boolean(std::string_view key, Need need) const;
    std::optional<std::int64_t> integer(std::string_view key, Need need, std::int64_t lo, std::int64_t hi) const;
    std::optional<Date> date(std::string_view key, Need need) const;
    // Numbers or decimal strings; `places` is how many decimals were written.
    std::optional<Credits> credits(std::string_view key, Need need, int max_places, int* places = nullptr) const;
    std::optional<Money> money(std::string_view key, Need need) const;
    std::vector<std::string> ids(std::string_view key, Need need) const;

private:
    bool present(std::string_view key, Need need) const;
    const nlohmann::json& j_;
    std::string path_;
    Problems& p_;
};

bool is_id(std::string_view s);
// A JSON number for decimal text with at most two places: whole numbers stay integers, and a
// double's shortest text reads back as exactly the decimal written.
nlohmann::json decimal_number(const std::string& decimal);
// The decimal text a JSON number or string holds, or nullopt.
std::optional<std::string> decimal_text(const nlohmann::json& j);

}  // namespace recert
