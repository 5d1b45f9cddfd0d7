#include "json_read.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "utf8.h"

namespace recert {

using nlohmann::json;

std::string describe(const Problem& p) { return p.where + ": " + p.what; }

namespace {

// Builds the document through nlohmann's public SAX interface, recording where the first
// syntax error is instead of throwing, refusing nesting deeper than any real log or
// program needs, and refusing a key given twice in one object (nlohmann would keep the
// last silently: a program's date or source ids are such keys).
class Reader : public json::json_sax_t {
public:
    static constexpr int max_depth = 64;
    explicit Reader(json& out) : root_(out) {}
    bool null() override { return put(nullptr); }
    bool boolean(bool v) override { return put(v); }
    bool number_integer(json::number_integer_t v) override { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) override { return put(v); }
    bool number_float(json::number_float_t v, const std::string&) override { return put(v); }
    bool string(std::string& v) override { return put(std::move(v)); }
    bool binary(json::binary_t& v) override { return put(json::binary(std::move(v))); }
    bool start_object(std::size_t) override { return open(json::object(), true); }
    bool start_array(std::size_t) override { return open(json::array(), false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(std::string& k) override {
        Level& top = levels.back();
        if (!top.keys.insert(k).second) {
            for (std::size_t i = 0; i + 1 < levels.size(); ++i)
                repeated_key += "/" + (levels[i].object ? escape(levels[i].key) : std::to_string(levels[i].index - 1));
            repeated_key += "/" + escape(k);
            return false;
        }
        top.key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const json::exception& ex) override {
        if (!failed) {
            failed = true;
            error_at = position;
            number_too_large = ex.id == 406;  // out_of_range.406: a number past what a double holds
        }
        return false;
    }

    bool too_deep = false, failed = false, number_too_large = false;
    std::size_t error_at = 0;
    std::string repeated_key;  // pointer to the second use of a key, once found

private:
    // Where the value starting now sits, for the pointer to a repeated key.
    struct Level {
        bool object;
        std::size_t index = 0;  // arrays: elements begun so far
        std::string key;        // objects: the current key
        std::set<std::string> keys;
        json* value;
    };
    // The new value's place: the root, the end of the array, or the object's current key.
    json* place(json&& v) {
        if (levels.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Level& top = levels.back();
        if (!top.object) {
            ++top.index;
            top.value->push_back(std::move(v));
            return &top.value->back();
        }
        json& slot = (*top.value)[top.key];
        slot = std::move(v);
        return &slot;
    }
    bool put(json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(json&& v, bool object) {
        if (static_cast<int>(levels.size()) >= max_depth) {
            too_deep = true;
            return false;
        }
        json* at = place(std::move(v));
        levels.push_back({object, 0, {}, {}, at});
        return true;
    }
    bool close() {
        levels.pop_back();
        return true;
    }
    static std::string escape(const std::string& key) {
        std::string out;
        for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return utf8_excerpt(out, 200);
    }
    json& root_;
    std::vector<Level> levels;
};

// What a JSON syntax error is, in words, from the text itself: the token at byte `bad` (the
// last one nlohmann read) and what came before it. The text is read again from the start,
// which only happens for a document that is refused anyway.
class Syntax {
public:
    Syntax(std::string_view text, std::size_t bad, bool number_too_large) : t_(text), bad_(bad), too_large_(number_too_large) {}

    std::string what() {
        std::size_t i = t_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        if (t_.find_first_not_of(" \t\r\n", i) == std::string_view::npos) return "the file is empty: it must hold one JSON object";
        while (true) {
            i = skip_space(i);
            if (i >= t_.size()) return ended();
            const std::size_t start = i;
            if (start > bad_ + 1) return "the JSON is not valid here";  // past the error without seeing it: say no more
            const char c = t_[i];
            if (done_ && start <= bad_) return "more text after the end of the JSON document: " + shown(start, std::max(token_end(start), start + std::max<std::size_t>(1, utf8_sequence(t_, start))));
            if (c == '"') {
                if (auto why = string_problem(i)) return *why;  // i is past the closing quote
                if (start <= bad_ && bad_ < i) return misplaced(start, i);
                if (const char* why = unexpected_value()) {
                    if (start <= bad_ + 1 && bad_ <= i) return why + std::string(", not ") + shown(start, i);
                }
                after_value(true);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i = token_end(start);
                if (start <= bad_ && bad_ <= i) {
                    if (expects_key()) return "a field name in double quotes must come here, not " + shown(start, i);
                    if (too_large_) return "the number " + shown(start, i) + " is too large to read";
                    if (!number(t_.substr(start, i - start)))
                        return shown(start, i) + " is not a number as JSON writes them (like 12, 1.5 or 2e3)";
                    if (const char* why = unexpected_value()) return why + std::string(", not ") + shown(start, i);
                }
                after_value(false);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                i = token_end(start);
                const auto word = t_.substr(start, i - start);
                const bool literal = word == "true" || word == "false" || word == "null";
                if (start <= bad_ && bad_ <= i) {
                    if (expects_key()) return "a field name in double quotes must come here, not " + shown(start, i);
                    if (!literal)
                        return shown(start, i) + " is not a JSON value: text is written in double quotes, and true, false and null in lower case";
                    if (const char* why = unexpected_value()) return why + std::string(", not ") + shown(start, i);
                }
                after_value(false);
            } else if (c == '{' || c == '[' || c == '}' || c == ']' || c == ',' || c == ':') {
                ++i;
                if (start >= bad_ || bad_ < i) {
                    if (const char* why = unexpected_punctuation(c)) return why;
                }
                punctuation(c);
            } else {
                const std::size_t n = utf8_sequence(t_, i);
                if (n == 0) return "byte " + hex(static_cast<unsigned char>(c)) + " is not UTF-8: save the file as UTF-8 text";
                if (c == '\'') return "text in single quotes: JSON writes text in double quotes";
                return "unexpected " + shown(i, i + n) + ": JSON has objects {...}, arrays [...], text in double quotes, numbers, true, false and null";
            }
        }
    }

private:
    enum class Expect { value, key, colon, comma_or_end };
    struct Level {
        bool object;
        Expect expect;
        bool after_comma = false;
    };

    std::size_t skip_space(std::size_t i) const {
        while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\r' || t_[i] == '\n')) ++i;
        return i;
    }
    // The end of a run of characters that can make a number or a word.
    std::size_t token_end(std::size_t i) const {
        while (i < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[i])) || t_[i] == '.' || t_[i] == '-' || t_[i] == '+' || t_[i] == '_'))
            ++i;
        return i;
    }
    static bool number(std::string_view n) {
        std::size_t i = n.size() && n[0] == '-' ? 1 : 0;
        const auto digits = [&] {
            const std::size_t from = i;
            while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
            return i - from;
        };
        const std::size_t whole = i;
        if (!digits() || (n[whole] == '0' && i - whole > 1)) return false;
        if (i < n.size() && n[i] == '.' && (++i, !digits())) return false;
        if (i < n.size() && (n[i] == 'e' || n[i] == 'E')) {
            ++i;
            if (i < n.size() && (n[i] == '+' || n[i] == '-')) ++i;
            if (!digits()) return false;
        }
        return i == n.size();
    }
    static std::string hex(unsigned v) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", v);
        return buf;
    }
    std::string shown(std::size_t from, std::size_t to) const { return "'" + utf8_excerpt(t_.substr(from, to - from), 40) + "'"; }

    // Reads the string starting at i (a quote); moves i past it, or names what is wrong in it.
    std::optional<std::string> string_problem(std::size_t& i) const {
        const std::size_t open = i++;
        while (i < t_.size()) {
            const auto c = static_cast<unsigned char>(t_[i]);
            if (c == '"') { ++i; return std::nullopt; }
            if (c < 0x20) {
                char code[8];
                std::snprintf(code, sizeof code, "%04X", c);
                return std::string("text in quotes holds a control character (U+") + code + "), which JSON writes as \\u" + code;
            }
            if (c == '\\') {
                const char e = i + 1 < t_.size() ? t_[i + 1] : '\0';
                if (e == 'u') {
                    const auto code = [&](std::size_t at) -> long {
                        if (at + 6 > t_.size() || t_[at] != '\\' || t_[at + 1] != 'u') return -1;
                        long v = 0;
                        for (std::size_t k = at + 2; k < at + 6; ++k) {
                            const char h = t_[k];
                            const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                            if (d < 0) return -1;
                            v = v * 16 + d;
                        }
                        return v;
                    };
                    const long u = code(i);
                    if (u < 0) return std::string("\\u must be followed by four hexadecimal digits, as in \\u00e9");
                    if (u >= 0xDC00 && u <= 0xDFFF) return std::string("\\u") + std::string(t_.substr(i + 2, 4)) + " is the second half of a character (a low surrogate) without its first half";
                    if (u >= 0xD800 && u <= 0xDBFF) {
                        const long low = code(i + 6);
                        if (low < 0xDC00 || low > 0xDFFF)
                            return std::string("\\u") + std::string(t_.substr(i + 2, 4)) + " is the first half of a character (a high surrogate) and must be followed by its second half, \\uDC00 to \\uDFFF";
                        i += 12;
                        continue;
                    }
                    i += 6;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == '\0') {
                    if (i + 1 >= t_.size()) break;
                    return "'\\" + utf8_excerpt(t_.substr(i + 1, 1), 4) + "' is not an escape JSON knows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hexadecimal digits)";
                }
                i += 2;
                continue;
            }
            const std::size_t n = utf8_sequence(t_, i);
            if (n == 0) return "byte " + hex(c) + " in text in quotes is not UTF-8: save the file as UTF-8 text";
            i += n;
        }
        return "text in quotes is never closed: the quote that ends " + shown(open, std::min(t_.size(), open + 30)) + " is missing";
    }

    bool expects_key() const { return !levels_.empty() && levels_.back().expect == Expect::key; }
    // Why a value cannot stand where the reader is, or nullptr if it can.
    const char* unexpected_value() const {
        if (levels_.empty()) return nullptr;
        switch (levels_.back().expect) {
            case Expect::value: return nullptr;
            case Expect::key: return nullptr;  // a string is a key; other values are named by the caller
            case Expect::colon: return "a ':' must follow the field name";
            case Expect::comma_or_end: return levels_.back().object ? "a ',' or '}' must follow a value in an object" : "a ',' or ']' must follow a value in an array";
        }
        return nullptr;
    }
    std::string misplaced(std::size_t start, std::size_t end) const {
        if (const char* why = unexpected_value()) return why + std::string(", not ") + shown(start, end);
        return "unexpected " + shown(start, end);
    }
    const char* unexpected_punctuation(char c) const {
        if (levels_.empty()) return c == '{' || c == '[' ? nullptr : "a JSON document starts with '{' or '['";
        const Level& top = levels_.back();
        switch (top.expect) {
            case Expect::key:
                if (c == '}' && !top.after_comma) return nullptr;
                if (c == '}') return "a ',' before '}': JSON allows none after the last field";
                return "a field name in double quotes must come here";
            case Expect::colon: return c == ':' ? nullptr : "a ':' must follow the field name";
            case Expect::value:
                if (c == '{' || c == '[') return nullptr;
                if (c == ']' && !top.object && !top.after_comma) return nullptr;
                if (c == ']' && top.after_comma) return "a ',' before ']': JSON allows none after the last element";
                return "a value must come here (text in double quotes, a number, true, false, null, an object or an array)";
            case Expect::comma_or_end:
                if (c == ',' || c == (top.object ? '}' : ']')) return nullptr;
                return top.object ? "a ',' or '}' must follow a value in an object" : "a ',' or ']' must follow a value in an array";
        }
        return nullptr;
    }
    void after_value(bool string) {
        if (levels_.empty()) { done_ = true; return; }
        Level& top = levels_.back();
        if (top.object && top.expect == Expect::key && string) top.expect = Expect::colon;
        else top.expect = Expect::comma_or_end;
        top.after_comma = false;
    }
    void punctuation(char c) {
        if (c == '{' || c == '[') {
            if (!levels_.empty()) levels_.back().expect = Expect::comma_or_end;
            levels_.push_back({c == '{', c == '{' ? Expect::key : Expect::value});
        } else if (c == '}' || c == ']') {
            levels_.pop_back();
            if (levels_.empty()) done_ = true;
        } else if (c == ',') {
            levels_.back().expect = levels_.back().object ? Expect::key : Expect::value;
            levels_.back().after_comma = true;
        } else {
            levels_.back().expect = Expect::value;
        }
    }
    std::string ended() const {
        if (levels_.empty()) return "the text ends before the JSON is complete";
        const Level& top = levels_.back();
        return std::string("the text ends before the JSON is complete: ") + (top.object ? "an object lacks its closing '}'" : "an array lacks its closing ']'");
    }

    std::string_view t_;
    std::size_t bad_;
    bool too_large_;
    std::vector<Level> levels_;
    bool done_ = false;  // the top-level value is complete
};

std::string line_column(std::string_view text, std::size_t pos) {
    pos = std::min(pos, text.size());
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < pos; ++i) {
        if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::string kind_of(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true or false";
        default: return "a number";
    }
}

}  // namespace

std::optional<json> parse_json(std::string_view text, Problems& problems) {
    json out;
    Reader reader(out);
    const bool ok = json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, true);
    if (reader.too_deep) {
        problems.push_back({"/", "nested more than " + std::to_string(Reader::max_depth) + " levels deep"});
        return std::nullopt;
    }
    if (!reader.repeated_key.empty()) {
        problems.push_back({reader.repeated_key, "is given twice in the same object; only one can count"});
        return std::nullopt;
    }
    if (!ok || reader.failed) {
        // nlohmann counts the characters read, the one that broke the syntax included.
        const std::size_t bad = reader.error_at > 0 ? reader.error_at - 1 : 0;
        problems.push_back({line_column(text, reader.error_at), utf8_excerpt(Syntax(text, bad, reader.number_too_large).what(), 400)});
        return std::nullopt;
    }
    return out;
}

bool is_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

json decimal_number(const std::string& decimal) {
    if (decimal.find('.') == std::string::npos) return std::stoll(decimal);
    return std::strtod(decimal.c_str(), nullptr);
}

std::optional<std::string> decimal_text(const json& j) {
    if (j.is_string()) return j.get_ref<const std::string&>();
    if (j.is_number_integer()) return j.dump();
    // The shortest text that reads back as the same double is what the person typed ("0.1", "1.25").
    if (j.is_number_float()) return j.dump();
    return std::nullopt;
}

std::string Node::path_of(std::string_view key) const {
    std::string escaped;
    for (char c : key) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return path_ + "/" + escaped;
}

bool Node::expect_object() const {
    if (j_.is_object()) return true;
    problem("must be an object, not " + kind_of(j_));
    return false;
}

bool Node::expect_array() const {
    if (j_.is_array()) return true;
    problem("must be an array, not " + kind_of(j_));
    return false;
}

bool Node::has(std::string_view key) const { return j_.is_object() && j_.contains(key) && !j_.at(std::string(key)).is_null(); }

Node Node::at(std::string_view key) const {
    static const json null_value;
    const json& v = j_.is_object() && j_.contains(key) ? j_.at(std::string(key)) : null_value;
    return Node(v, path_of(key), p_);
}

Node Node::at(std::size_t index) const { return Node(j_.at(index), path_ + "/" + std::to_string(index), p_); }

void Node::only(std::initializer_list<std::string_view> keys) const {
    if (!j_.is_object()) return;
    for (const auto& [k, v] : j_.items())
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) problem_at(k, "is not a known field");
}

bool Node::present(std::string_view key, Need need) const {
    if (has(key)) return true;
    if (need == Need::required) problem_at(key, "is required");
    return false;
}

std::optional<std::string> Node::text(std::string_view key, Need need, std::size_t max_size) const {
    if (!present(key, need)) return std::nullopt;
    const json& v = j_.at(std::string(key));
    if (!v.is_string()) { problem_at(key, "must be a string, not " + kind_of(v)); return std::nullopt; }
    const auto& s = v.get_ref<const std::string&>();
    // Characters are code points, as JSON Schema's maxLength counts them, not UTF-8 bytes.
    const auto characters = [&] {
        return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    if (s.size() > max_size && (s.size() > 4 * max_size || characters() > max_size)) {
        problem_at(key, "is longer than " + std::to_string(max_size) + " characters");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Node::id(std::string_view key, Need need) const {
    auto s = text(key, need, 64);
    if (s && !is_id(*s)) {
        problem_at(key, "\"" + *s + "\" is not an id (letters, digits, '_', '-' or '.', at most 64)");
        return std::nullopt;
    }
    return s;
}

std::optional<bool> Node::boolean(std::string_view key, Need need) const {
    if (!present(key, need)) return std::nullopt;
    const json& v = j_.at(std::string(key));
    if (!v.is_boolean()) { problem_at(key, "must be true or false, not " + kind_of(v)); return std::nullopt; }
    return v.get<bool>();
}

std::optional<std::int64_t> Node::integer(std::string_view key, Need need, std::int64_t lo, std::int64_t hi) const {
    if (!present(key, need)) return std::nullopt;
    const json& v = j_.at(std::string(key));
    const auto range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() <= static_cast<std::uint64_t>(hi)) {
        const auto n = static_cast<std::int64_t>(v.get<std::uint64_t>());
        if (n >= lo) return n;
    } else if (v.is_number_integer() && !v.is_number_unsigned()) {
        const auto n = v.get<std::int64_t>();
        if (n >= lo && n <= hi) return n;
    } else if (v.is_number_float()) {
        // JSON has one kind of number: 2.0 and 2e0 are the whole number 2, as JSON Schema says.
        const double d = v.get<double>();
        if (d == std::trunc(d) && d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) return static_cast<std::int64_t>(d);
    }
    problem_at(key, "must be " + range + ", not " + (v.is_number() ? v.dump() : kind_of(v)));
    return std::nullopt;
}

std::optional<Date> Node::date(std::string_view key, Need need) const {
    auto s = text(key, need, 64);
    if (!s) return std::nullopt;
    auto d = parse_date(*s);
    if (!d) problem_at(key, "\"" + *s + "\" is not a real date written YYYY-MM-DD (years 1900 to 9999)");
    return d;
}

std::optional<Credits> Node::credits(std::string_view key, Need need, int max_places, int* places) const {
    if (!present(key, need)) return std::nullopt;
    const json& v = j_.at(std::string(key));
    auto t = decimal_text(v);
    if (!t) { problem_at(key, "must be a number or a decimal string, not " + kind_of(v)); return std::nullopt; }
    std::string why;
    auto c = Credits::parse(*t, max_places, &why);
    if (!c) problem_at(key, why);
    else if (places) *places = decimal_places(*t);
    return c;
}

std::optional<Money> Node::money(std::string_view key, Need need) const {
    if (!present(key, need)) return std::nullopt;
    const json& v = j_.at(std::string(key));
    auto t = decimal_text(v);
    if (!t) { problem_at(key, "must be a number or a decimal string, not " + kind_of(v)); return std::nullopt; }
    std::string why;
    auto m = Money::parse(*t, 2, &why);
    if (!m) problem_at(key, why);
    return m;
}

std::vector<std::string> Node::ids(std::string_view key, Need need) const {
    std::vector<std::string> out;
    if (!present(key, need)) return out;
    Node list = at(key);
    if (!list.expect_array()) return out;
    for (std::size_t i = 0; i < list.raw().size(); ++i) {
        const json& v = list.raw().at(i);
        if (!v.is_string() || !is_id(v.get_ref<const std::string&>())) {
            list.at(i).problem("must be an id string (letters, digits, '_', '-' or '.')");
            continue;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace recert
