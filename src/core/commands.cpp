#include "commands.h"

#include <algorithm>
#include <unordered_set>

namespace recert {

namespace {
template <class V>
auto find_id(V& v, const std::string& id) {
    return std::find_if(v.begin(), v.end(), [&](const auto& x) { return x.id == id; });
}

std::string fresh(const std::unordered_set<std::string>& taken, const std::string& prefix, std::size_t start) {
    for (std::size_t n = start;; ++n)
        if (auto id = prefix + std::to_string(n); !taken.count(id)) return id;
}

std::unordered_set<std::string> ids_of(const Log& log) {
    std::unordered_set<std::string> ids;
    for (const auto& e : log.entries) ids.insert(e.id);
    for (const auto& c : log.credentials) ids.insert(c.id);
    // An item waiting for repair keeps its id: a new one must not take it.
    for (const auto* list : {&log.unreadable_entries, &log.unreadable_credentials})
        for (const auto& u : *list)
            if (auto id = u.id(); !id.empty()) ids.insert(std::move(id));
    return ids;
}
}  // namespace

std::string next_id(const Log& log, const std::string& prefix) {
    return fresh(ids_of(log), prefix, log.entries.size() + log.credentials.size() + 1);
}

Log add_entry(Log log, Entry e) {
    if (e.id.empty()) e.id = next_id(log, "e");
    log.entries.push_back(std::move(e));
    return log;
}

Log edit_entry(Log log, const Entry& e) {
    if (auto it = find_id(log.entries, e.id); it != log.entries.end()) *it = e;
    return log;
}

Log delete_entry(Log log, const std::string& id) {
    if (auto it = find_id(log.entries, id); it != log.entries.end()) log.entries.erase(it);
    return log;
}

Log add_credential(Log log, Credential c) {
    if (c.id.empty()) c.id = next_id(log, "c");
    log.credentials.push_back(std::move(c));
    return log;
}

Log edit_credential(Log log, const Credential& c) {
    if (auto it = find_id(log.credentials, c.id); it != log.credentials.end()) *it = c;
    return log;
}

Log delete_credential(Log log, const std::string& id) {
    if (auto it = find_id(log.credentials, id); it != log.credentials.end()) log.credentials.erase(it);
    return log;
}

Log merge(Log base, const Log& incoming, MergeSummary* summary) {
    MergeSummary s;
    auto taken = ids_of(base);
    for (const auto& c : incoming.credentials) {
        if (auto it = find_id(base.credentials, c.id); it != base.credentials.end()) {
            if (to_json(*it) == to_json(c)) continue;
        }
        Credential copy = c;
        if (taken.count(copy.id)) copy.id = fresh(taken, "c", base.credentials.size() + 1);
        taken.insert(copy.id);
        base.credentials.push_back(std::move(copy));
        ++s.credentials_added;
    }
    for (const auto& e : incoming.entries) {
        if (auto it = find_id(base.entries, e.id); it != base.entries.end()) {
            if (to_json(*it) == to_json(e)) { ++s.unchanged; continue; }
            Entry copy = e;
            copy.id = fresh(taken, "e", base.entries.size() + 1);
            taken.insert(copy.id);
            base.entries.push_back(std::move(copy));
            ++s.renamed;
            continue;
        }
        taken.insert(e.id);
        base.entries.push_back(e);
        ++s.added;
    }
    // Unreadable items come along as they are, once.
    auto carry = [](const std::vector<Unreadable>& in, std::vector<Unreadable>& out) {
        for (const auto& u : in)
            if (std::none_of(out.begin(), out.end(), [&](const Unreadable& x) { return x.original == u.original; })) out.push_back(u);
    };
    carry(incoming.unreadable_entries, base.unreadable_entries);
    carry(incoming.unreadable_credentials, base.unreadable_credentials);
    if (summary) *summary = s;
    return base;
}

namespace {
template <class T>
void carry_over(const std::vector<T>& base, const std::vector<T>& ours, std::vector<T>& theirs, std::vector<std::string>* dropped) {
    for (const auto& b : base)
        if (find_id(ours, b.id) == ours.end())
            if (auto t = find_id(theirs, b.id); t != theirs.end()) theirs.erase(t);
    for (const auto& o : ours) {
        const auto b = find_id(base, o.id);
        if (b != base.end() && to_json(*b) == to_json(o)) continue;  // unchanged by us
        if (auto t = find_id(theirs, o.id); t != theirs.end()) *t = o;
        else if (b == base.end()) theirs.push_back(o);
        else if (dropped) dropped->push_back(o.id);  // deleted there: an edit must not bring it back
    }
}

// Unreadable items have no trusted id: they are matched by their whole value.
void carry_over(const std::vector<Unreadable>& base, const std::vector<Unreadable>& ours, std::vector<Unreadable>& theirs) {
    auto in = [](const std::vector<Unreadable>& v, const Unreadable& u) {
        return std::find_if(v.begin(), v.end(), [&](const Unreadable& x) { return x.original == u.original; });
    };
    for (const auto& b : base)
        if (in(ours, b) == ours.end())
            if (auto t = in(theirs, b); t != theirs.end()) theirs.erase(t);
    for (const auto& o : ours)
        if (in(base, o) == base.end() && in(theirs, o) == theirs.end()) theirs.push_back(o);
}
}  // namespace

Log rebase(const Log& base, const Log& ours, Log theirs, std::vector<std::string>* dropped) {
    carry_over(base.credentials, ours.credentials, theirs.credentials, dropped);
    carry_over(base.entries, ours.entries, theirs.entries, dropped);
    carry_over(base.unreadable_credentials, ours.unreadable_credentials, theirs.unreadable_credentials);
    carry_over(base.unreadable_entries, ours.unreadable_entries, theirs.unreadable_entries);
    return theirs;
}

}  // namespace recert
