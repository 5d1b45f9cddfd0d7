#include "commands.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace recert {

namespace {
template <class V>
auto find_id(V& v, const std::string& id) {
    return std::find_if(v.begin(), v.end(), [&](const auto& x) { return x.id == id; });
}

std::unordered_set<std::string> ids_of(const Log& log) {
    std::unordered_set<std::string> ids;
    ids.reserve(log.entries.size() + log.credentials.size());
    for (const auto& e : log.entries) ids.insert(e.id);
    for (const auto& c : log.credentials) ids.insert(c.id);
    // An item waiting for repair keeps its id: a new one must not take it.
    for (const auto* list : {&log.unreadable_entries, &log.unreadable_credentials})
        for (const auto& u : *list)
            if (auto id = u.id(); !id.empty()) ids.insert(std::move(id));
    return ids;
}

// Fresh ids "<prefix><n>": the first n from `start` up that is not taken. Within one merge
// `start` never decreases and taken ids stay taken, so each search resumes where the last
// one stopped instead of walking past the same taken numbers again.
class FreshIds {
public:
    explicit FreshIds(std::string prefix) : prefix_(std::move(prefix)) {}
    template <class Taken>
    std::string next(std::size_t start, const Taken& taken) {
        for (std::size_t n = std::max(start, resume_);; ++n)
            if (auto id = prefix_ + std::to_string(n); !taken(id)) {
                resume_ = n + 1;
                return id;
            }
    }

private:
    std::string prefix_;
    std::size_t resume_ = 0;
};

// Position of the first item with each id, kept up to date as items are appended.
template <class T>
class FirstById {
public:
    explicit FirstById(const std::vector<T>& v) {
        index_.reserve(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) index_.emplace(v[i].id, i);
    }
    bool has(const std::string& id) const { return index_.count(id) > 0; }
    const T* find(const std::vector<T>& v, const std::string& id) const {
        const auto it = index_.find(id);
        return it == index_.end() ? nullptr : &v[it->second];
    }
    std::size_t* position(const std::string& id) {
        const auto it = index_.find(id);
        return it == index_.end() ? nullptr : &it->second;
    }
    void appended(const std::vector<T>& v) { index_.emplace(v.back().id, v.size() - 1); }

private:
    std::unordered_map<std::string, std::size_t> index_;
};
}  // namespace

std::string next_id(const Log& log, const std::string& prefix) {
    const auto ids = ids_of(log);
    // Counted among the ids of its own kind, so a log's first entry is "e1" even when its
    // credential "c1" came first.
    const auto same_kind = std::count_if(ids.begin(), ids.end(), [&](const std::string& id) { return id.starts_with(prefix); });
    return FreshIds(prefix).next(static_cast<std::size_t>(same_kind) + 1, [&](const std::string& id) { return ids.count(id) > 0; });
}

Log add_entry(Log log, Entry e) {
    if (e.id.empty()) e.id = next_id(log, "e");
    log.entries.push_back(std::move(e));
    return log;
}

// Fields this version does not know stay as they were: a caller builds the edited item from
// the fields it knows and cannot be expected to copy the rest. What the edit sets wins.
template <class T>
void replace_keeping_unknown(T& item, const T& edited) {
    nlohmann::json extra = item.extra;
    if (extra.is_object() && edited.extra.is_object()) extra.update(edited.extra);
    else extra = edited.extra;
    item = edited;
    item.extra = std::move(extra);
}

Log edit_entry(Log log, const Entry& e) {
    if (auto it = find_id(log.entries, e.id); it != log.entries.end()) replace_keeping_unknown(*it, e);
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
    if (auto it = find_id(log.credentials, c.id); it != log.credentials.end()) replace_keeping_unknown(*it, c);
    return log;
}

Log set_step(Log log, const std::string& credential, const std::string& step, std::optional<Date> done_on) {
    if (auto it = find_id(log.credentials, credential); it != log.credentials.end()) {
        if (done_on) it->steps[step] = *done_on;
        else it->steps.erase(step);
    }
    return log;
}

Log keep_program(Log log, OwnProgram p) {
    if (auto it = find_id(log.programs, p.id); it != log.programs.end()) *it = std::move(p);
    else log.programs.push_back(std::move(p));
    return log;
}

Log delete_credential(Log log, const std::string& id) {
    if (auto it = find_id(log.credentials, id); it != log.credentials.end()) log.credentials.erase(it);
    return log;
}

// Each incoming item is looked up by id in a hash index, never by a walk through the log:
// merging 100,000 entries into 100,000 used to take seconds natively and froze the page.
Log merge(Log base, const Log& incoming, MergeSummary* summary) {
    MergeSummary s;
    base.entries.reserve(base.entries.size() + incoming.entries.size());
    FirstById<Credential> credentials(base.credentials);
    FirstById<Entry> entries(base.entries);
    // The ids in use: every id the log has, and each one it receives, is in one of the two.
    const auto taken = [&](const std::string& id) { return entries.has(id) || credentials.has(id); };
    FreshIds fresh_credential("c"), fresh_entry("e");
    for (const auto& c : incoming.credentials) {
        if (const Credential* same = credentials.find(base.credentials, c.id); same && to_json(*same) == to_json(c)) continue;
        Credential copy = c;
        if (taken(copy.id)) copy.id = fresh_credential.next(base.credentials.size() + 1, taken);
        base.credentials.push_back(std::move(copy));
        credentials.appended(base.credentials);
        ++s.credentials_added;
    }
    for (const auto& e : incoming.entries) {
        if (const Entry* same = entries.find(base.entries, e.id)) {
            if (to_json(*same) == to_json(e)) { ++s.unchanged; continue; }
            Entry copy = e;
            copy.id = fresh_entry.next(base.entries.size() + 1, taken);
            base.entries.push_back(std::move(copy));
            ++s.renamed;
        } else {
            base.entries.push_back(e);
            ++s.added;
        }
        entries.appended(base.entries);
    }
    // Unreadable items come along as they are, once.
    auto carry = [](const std::vector<Unreadable>& in, std::vector<Unreadable>& out) {
        for (const auto& u : in)
            if (std::none_of(out.begin(), out.end(), [&](const Unreadable& x) { return x.original == u.original; })) out.push_back(u);
    };
    // A program file comes along when the log has none of its id; one it has stays as it is.
    const FirstById<OwnProgram> own(base.programs);
    for (const auto& p : incoming.programs)
        if (!own.has(p.id)) base.programs.push_back(p);
    carry(incoming.unreadable_entries, base.unreadable_entries);
    carry(incoming.unreadable_credentials, base.unreadable_credentials);
    if (summary) *summary = s;
    return base;
}

namespace {
template <class T>
void carry_over(const std::vector<T>& base, const std::vector<T>& ours, std::vector<T>& theirs, std::vector<std::string>* dropped) {
    // What we deleted goes from theirs: per deleted item, the first of theirs with its id.
    std::unordered_set<std::string> kept;
    kept.reserve(ours.size());
    for (const auto& o : ours) kept.insert(o.id);
    std::unordered_map<std::string, std::size_t> deleted;
    for (const auto& b : base)
        if (!kept.count(b.id)) ++deleted[b.id];
    if (!deleted.empty()) {
        std::size_t to = 0;
        for (std::size_t from = 0; from < theirs.size(); ++from) {
            if (auto d = deleted.find(theirs[from].id); d != deleted.end() && d->second > 0) {
                --d->second;
                continue;
            }
            if (to != from) theirs[to] = std::move(theirs[from]);
            ++to;
        }
        theirs.resize(to);
    }
    // What we added or edited replaces theirs, or is appended.
    const FirstById<T> before(base);
    FirstById<T> now(theirs);
    for (const auto& o : ours) {
        const T* b = before.find(base, o.id);
        if (b && to_json(*b) == to_json(o)) continue;  // unchanged by us
        if (std::size_t* t = now.position(o.id)) {
            theirs[*t] = o;
        } else if (!b) {
            theirs.push_back(o);
            now.appended(theirs);
        } else if (dropped) {
            dropped->push_back(o.id);  // deleted there: an edit must not bring it back
        }
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
    carry_over(base.programs, ours.programs, theirs.programs, dropped);
    carry_over(base.unreadable_credentials, ours.unreadable_credentials, theirs.unreadable_credentials);
    carry_over(base.unreadable_entries, ours.unreadable_entries, theirs.unreadable_entries);
    return theirs;
}

}  // namespace recert
