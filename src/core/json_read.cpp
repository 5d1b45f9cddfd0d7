#include "json_read.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "utf8.h"

namespace recert {

using nlohmann::json;

std::string describe(const Problem& p) { return p.where + ": " + p.what; }

namespace {

// Builds the document like nlohmann's own DOM parser, but records the first
// syntax error with its byte position instead of throwing, refuses nesting
// deeper than any real log or program needs, and refuses a key given twice in
// one object (nlohmann would keep the last silently: a program's date or
// source ids are such keys).
class Sax : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    static constexpr int max_depth = 64;
    Sax(json& out) : json_sax_dom_parser(out, false) {}
    bool start_object(std::size_t n) { return value() && deeper() && open(true) && json_sax_dom_parser::start_object(n); }
    bool start_array(std::size_t n) { return value() && deeper() && open(false) && json_sax_dom_parser::start_array(n); }
    bool end_object() { --depth; levels.pop_back(); return json_sax_dom_parser::end_object(); }
    bool end_array() { --depth; levels.pop_back(); return json_sax_dom_parser::end_array(); }
    bool null() { return value() && json_sax_dom_parser::null(); }
    bool boolean(bool v) { return value() && json_sax_dom_parser::boolean(v); }
    bool number_integer(json::number_integer_t v) { return value() && json_sax_dom_parser::number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value() && json_sax_dom_parser::number_unsigned(v); }
    bool number_float(json::number_float_t v, const std::string& s) { return value() && json_sax_dom_parser::number_float(v, s); }
    bool string(std::string& v) { return value() && json_sax_dom_parser::string(v); }
    bool binary(json::binary_t& v) { return value() && json_sax_dom_parser::binary(v); }
    bool key(std::string& k) {
        Level& top = levels.back();
        if (!top.keys.insert(k).second) {
            for (std::size_t i = 0; i + 1 < levels.size(); ++i)
                repeated_key += "/" + (levels[i].object ? escape(levels[i].key) : std::to_string(levels[i].index - 1));
            repeated_key += "/" + escape(k);
            return false;
        }
        top.key = k;
        return json_sax_dom_parser::key(k);
    }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        if (error.empty()) {
            error_at = position;
            error = ex.what();
            // nlohmann's message repeats the position; keep what follows "parse error at ...: ".
            if (auto k = error.find(": "); k != std::string::npos) error = error.substr(k + 2);
            // It also quotes the token read so far, raw: that can be megabytes long, or end
            // inside a character (an ill-formed byte is the error). Quote a short, valid excerpt.
            const std::string quoted = "last read: '" + last_token + "'";
            if (auto k = error.find(quoted); k != std::string::npos)
                error.replace(k, quoted.size(), "last read: '" + utf8_excerpt(last_token, 60) + "'");
            error = utf8_excerpt(error, 400);
        }
        return false;
    }
    bool deeper() {
        if (++depth <= max_depth) return true;
        too_deep = true;
        return false;
    }
    // Where the value starting now sits, for the pointer to a repeated key.
    struct Level {
        bool object;
        std::size_t index = 0;  // arrays: elements begun so far
        std::string key;        // objects: the current key
        std::set<std::string> keys;
    };
    bool value() {
        if (!levels.empty() && !levels.back().object) ++levels.back().index;
        return true;
    }
    bool open(bool object) {
        levels.push_back({object, 0, {}, {}});
        return true;
    }
    static std::string escape(const std::string& key) {
        std::string out;
        for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return utf8_excerpt(out, 200);
    }
    int depth = 0;
    bool too_deep = false;
    std::size_t error_at = 0;
    std::string error;
    std::vector<Level> levels;
    std::string repeated_key;  // pointer to the second use of a key, once found
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
    Sax sax(out);
    const bool ok = json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
    if (sax.too_deep) {
        problems.push_back({"/", "nested more than " + std::to_string(Sax::max_depth) + " levels deep"});
        return std::nullopt;
    }
    if (!sax.repeated_key.empty()) {
        problems.push_back({sax.repeated_key, "is given twice in the same object; only one can count"});
        return std::nullopt;
    }
    if (!ok || !sax.error.empty()) {
        problems.push_back({line_column(text, sax.error_at), sax.error.empty() ? "not valid JSON" : sax.error});
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
    if (s.size() > max_size) { problem_at(key, "is longer than " + std::to_string(max_size) + " characters"); return std::nullopt; }
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
