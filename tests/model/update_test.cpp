// The page's model as a person meets it: forms, undo and redo, imports, another tab, storage.
// Each case drives update() with the actions the page's buttons emit, on an in-memory browser.
#include <doctest/doctest.h>

#include "app.h"
#include "fake_platform.h"
#include "store.h"
#include "support.h"

using namespace recert;
using namespace recert::app;

namespace {

// A page opened on the fake browser: programs loaded, the stored log read, as recert_start does.
App open_page() {
    App a;
    a.shipped = test::all_programs();
    a.today = platform::today();
    load_stored(a);
    evaluate_now(a);
    return a;
}

int program_index(const App& a, const std::string& id) {
    for (std::size_t i = 0; i < a.programs.size(); ++i)
        if (a.programs[i].id == id) return static_cast<int>(i);
    FAIL("no program " << id);
    return 0;
}

void add_dmec(App& a) {
    update(a, act::NewCredential{});
    a.credential_form.program = program_index(a, "dmec-clms");
    a.credential_form.certified_on = "2025-01-15";
    update(a, act::SaveCredential{});
    REQUIRE(a.log.credentials.size() == 1);
}

void log_activity(App& a, const std::string& title, const std::string& date, const std::string& credits) {
    update(a, act::NewEntry{});
    a.entry_form.title = title;
    a.entry_form.date = date;
    a.entry_form.credits = credits;
    update(a, act::SaveEntry{});
}

std::vector<std::string> titles(const Log& log) {
    std::vector<std::string> out;
    for (const auto& e : log.entries) out.push_back(e.title);
    return out;
}

Log stored_log() {
    const auto& s = fake::browser().storage;
    const auto it = s.find(log_key);
    REQUIRE(it != s.end());
    return test::log_from(it->second);
}

}  // namespace

TEST_CASE("Page: every change can be undone, several steps back, and redone") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    log_activity(a, "Leave law update", "2025-04-02", "2");
    update(a, act::DeleteEntry{a.log.entries.front().id});
    CHECK(titles(a.log) == std::vector<std::string>{"Leave law update"});
    CHECK(a.toast == "Deleted \"Ethics webinar\".");

    update(a, act::Undo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar", "Leave law update"});
    CHECK(a.toast == "Undone: deleted \"Ethics webinar\".");
    update(a, act::Undo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar"});
    CHECK(titles(stored_log()) == titles(a.log));  // each step is saved, as any change is

    update(a, act::Redo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar", "Leave law update"});
    CHECK(a.toast == "Redone: logged \"Leave law update\".");
    CHECK(a.redo.size() == 1);

    // A new change after an undo starts a new history: what was undone cannot come back.
    log_activity(a, "Case study", "2025-05-03", "1");
    CHECK(a.redo.empty());
    update(a, act::Redo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar", "Leave law update", "Case study"});

    // Back to before the credential existed, one step at a time.
    for (int i = 0; i < 4; ++i) update(a, act::Undo{});
    CHECK(a.log.credentials.empty());
    CHECK(a.log.entries.empty());
    CHECK(a.undo.empty());
    update(a, act::Undo{});  // nothing left: nothing happens
    CHECK(a.log.credentials.empty());
}

TEST_CASE("Page: undo keeps the last 50 changes") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    for (int i = 0; i < 60; ++i) log_activity(a, "Session " + std::to_string(i), "2025-03-01", "1");
    CHECK(a.undo.size() == undo_levels);
    for (std::size_t i = 0; i < undo_levels + 5; ++i) update(a, act::Undo{});
    CHECK(a.log.entries.size() == 10);  // the 10 oldest sessions are past undoing
    CHECK(a.log.credentials.size() == 1);
}

TEST_CASE("Page: a form with a mistake saves nothing and says which field") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::NewEntry{});
    a.entry_form.title = "";
    a.entry_form.credits = "1.5";
    update(a, act::SaveEntry{});
    CHECK(a.entry_form.open);
    CHECK(a.entry_form.tried);
    CHECK(a.log.entries.empty());
    CHECK(check_entry(a.entry_form).errors.at(Field::title) == "Give the activity a title, as on its certificate");

    update(a, act::NewCredential{});
    a.credential_form.program = program_index(a, "dmec-clms");
    a.credential_form.certified_on = "2027-01-01";
    update(a, act::SaveCredential{});
    CHECK(a.credential_form.open);
    CHECK(check_credential(a, a.credential_form).errors.at(Field::certified_on) == "This date is in the future");
    a.credential_form.certified_on = "2025-02-30";
    CHECK(check_credential(a, a.credential_form).errors.at(Field::certified_on) == "\"2025-02-30\" is not a real date written YYYY-MM-DD");
    CHECK(a.log.credentials.size() == 1);
}

TEST_CASE("Page: a new credential starts on no program and cannot be saved until one is chosen") {
    fake::reset();
    App a = open_page();
    update(a, act::NewCredential{});
    CHECK(a.credential_form.program == -1);
    a.credential_form.certified_on = "2025-01-15";
    update(a, act::SaveCredential{});
    CHECK(a.credential_form.open);
    CHECK(a.credential_form.tried);
    CHECK(a.log.credentials.empty());
    const auto errors = check_credential(a, a.credential_form).errors;
    CHECK(errors.at(Field::program) == "Choose the certification you hold");
    CHECK(errors.size() == 1);  // the date typed is fine: only the choice is missing
    CHECK(fake::browser().storage.count(log_key) == 0);  // nothing written

    a.credential_form.program = program_index(a, "ala-clm-recert");
    CHECK(check_credential(a, a.credential_form).errors.empty());
    update(a, act::SaveCredential{});
    CHECK_FALSE(a.credential_form.open);
    REQUIRE(a.log.credentials.size() == 1);
    CHECK(a.log.credentials[0].program == "ala-clm-recert");
}

TEST_CASE("Page: repairing a credential whose program is not loaded asks for one, never picks the first") {
    fake::reset();
    App a = open_page();
    update(a, act::RepairCredential{nlohmann::json{{"id", "c1"}, {"program", "gone-program"}, {"certified_on", "2025-01-15"}}});
    CHECK(a.credential_form.program == -1);
    update(a, act::SaveCredential{});
    CHECK(a.credential_form.open);
    CHECK(a.log.credentials.empty());
    CHECK(check_credential(a, a.credential_form).errors.count(Field::program) == 1);
}

TEST_CASE("Page: editing an activity keeps what the form does not show") {
    fake::reset();
    fake::browser().storage[log_key] = R"({"format":"recert-log","version":1,"credentials":[],"entries":[
        {"id":"e1","title":"Old title","date":"2025-03-01","kind":"course","credits":"1.5","from_newer_recert":{"x":1}}]})";
    App a = open_page();
    update(a, act::OpenEntry{"e1"});
    REQUIRE(a.entry_form.open);
    CHECK(a.entry_form.credits == "1.5");
    a.entry_form.title = "New title";
    update(a, act::SaveEntry{});
    CHECK_FALSE(a.entry_form.open);
    const Log saved = stored_log();
    REQUIRE(saved.entries.size() == 1);
    CHECK(saved.entries[0].title == "New title");
    CHECK(saved.entries[0].extra.at("from_newer_recert") == nlohmann::json{{"x", 1}});
    CHECK(saved.entries[0].credits->to_string() == "1.5");
}

TEST_CASE("Page: an activity deleted in another tab while being edited is saved as new only on a second save") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    update(a, act::OpenEntry{a.log.entries[0].id});
    a.entry_form.title = "Ethics webinar, part 1";
    // The other tab deletes it.
    Log other = stored_log();
    other.entries.clear();
    fake::browser().storage[log_key] = serialize(other);
    update(a, act::SaveEntry{});
    CHECK(a.entry_form.open);
    CHECK(a.entry_form.conflict.find("deleted in another tab") != std::string::npos);
    CHECK(a.log.entries.empty());
    CHECK(a.entry_form.title == "Ethics webinar, part 1");  // the typing stays
    update(a, act::SaveEntry{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar, part 1"});
    CHECK(titles(stored_log()) == titles(a.log));
}

TEST_CASE("Page: another tab's change ends undo, so nothing it did comes undone") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    Log other = stored_log();
    other.entries[0].title = "Renamed elsewhere";
    fake::browser().storage[log_key] = serialize(other);
    update(a, act::StorageChanged{});
    CHECK(titles(a.log) == std::vector<std::string>{"Renamed elsewhere"});
    CHECK(a.undo.empty());
    update(a, act::Undo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Renamed elsewhere"});
}

TEST_CASE("Page: an import merges or replaces as chosen, and either can be undone") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    Log backup = a.log;  // a backup from another browser: what is here, and one more
    Entry quiz = a.log.entries[0];
    quiz.id = "quiz";
    quiz.title = "Synergy quiz";
    backup.entries.push_back(quiz);
    update(a, act::FilePicked{"backup.json", serialize(backup), ""});
    REQUIRE(a.import.open);
    REQUIRE(a.import.incoming);
    CHECK(a.log.entries.size() == 1);  // nothing changes before the person confirms
    update(a, act::Import{});
    CHECK_FALSE(a.import.open);
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar", "Synergy quiz"});
    CHECK(a.toast == "Imported 1 new activity (1 already here).");

    update(a, act::FilePicked{"list.csv", "title,date,kind,credits\nOnly this,2025-09-09,course,2\n", ""});
    a.import.replace = true;
    update(a, act::Import{});
    CHECK(titles(a.log) == std::vector<std::string>{"Only this"});
    CHECK(a.log.credentials.size() == 1);  // a spreadsheet replaces activities, not credentials
    update(a, act::Undo{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar", "Synergy quiz"});
}

TEST_CASE("Page: a file that cannot be read changes nothing and says why") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::FilePicked{"backup.json", "", "NotReadableError"});
    REQUIRE(a.import.problems.size() == 1);
    CHECK(describe(a.import.problems[0]).find("the file could not be read: NotReadableError") != std::string::npos);
    update(a, act::Import{});
    CHECK(a.log.credentials.size() == 1);
    CHECK(a.undo.size() == 1);  // only the credential's
}

TEST_CASE("Page: a first credential, typed or imported, asks the browser to keep the storage") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    CHECK(fake::browser().persist_requests == 1);
    update(a, act::NewCredential{});
    a.credential_form.program = program_index(a, "namss-cpcs");
    a.credential_form.certified_on = "2024-12-02";
    update(a, act::SaveCredential{});
    CHECK(fake::browser().persist_requests == 1);  // once is enough

    fake::reset();
    App b = open_page();
    const std::string backup = serialize(a.log);
    update(b, act::FilePicked{"backup.json", backup, ""});
    update(b, act::Import{});
    CHECK(b.log.credentials.size() == 2);
    CHECK(fake::browser().persist_requests == 1);
}

TEST_CASE("Page: Delete all my data leaves nothing behind, not even an undo") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    a.settings.theme = Theme::dark;
    update(a, act::SaveSettings{});
    CHECK(fake::browser().storage.count(settings_key) == 1);
    update(a, act::Wipe{});
    CHECK(fake::browser().storage.empty());
    CHECK(a.undo.empty());
    CHECK(a.redo.empty());
    update(a, act::Undo{});
    CHECK(a.log.entries.empty());
    CHECK(a.toast == "Deleted from this browser: 1 credential, 1 activity and your settings.");
}

TEST_CASE("Page: in a frame, Delete all and Replace need the word typed, so a tricked click erases nothing") {
    fake::reset();
    App a = open_page();
    a.config.framed = true;
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    update(a, act::Wipe{});
    CHECK(a.log.entries.size() == 1);  // no word typed: nothing deleted
    a.typed_confirmation = "delet";
    update(a, act::Wipe{});
    CHECK(a.log.entries.size() == 1);

    update(a, act::FilePicked{"list.csv", "title,date,kind,credits\nOnly this,2025-09-09,course,2\n", ""});
    a.import.replace = true;
    update(a, act::Import{});
    CHECK(titles(a.log) == std::vector<std::string>{"Ethics webinar"});
    CHECK(a.import.open);  // still asking
    a.typed_confirmation = " replace ";
    update(a, act::Import{});
    CHECK(titles(a.log) == std::vector<std::string>{"Only this"});
    CHECK(a.typed_confirmation.empty());  // the next question starts blank

    a.typed_confirmation = "DELETE";
    update(a, act::Wipe{});
    CHECK(a.log.entries.empty());
    CHECK(a.typed_confirmation.empty());
}

TEST_CASE("Page: outside a frame one confirmation is enough, and a merge never needs the word") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    a.config.framed = true;
    update(a, act::FilePicked{"list.csv", "title,date,kind,credits\nAnother,2025-09-09,course,2\n", ""});
    update(a, act::Import{});  // merge
    CHECK(a.log.entries.size() == 2);
    a.config.framed = false;
    update(a, act::Wipe{});
    CHECK(a.log.entries.empty());
}

TEST_CASE("Page: a host's starting program opens the add-credential form on it, unchanged until edited") {
    fake::reset();
    App a = open_page();
    a.config.program = "namss-cpcs";
    update(a, act::NewCredential{});
    CHECK(a.credential_form.program == program_index(a, "namss-cpcs"));
    update(a, act::CancelCredential{});
    CHECK_FALSE(a.credential_form.open);  // nothing typed: no "Discard your changes?"
}

TEST_CASE("Page: the framed page's storage notice, once seen, stays seen across a reload") {
    fake::reset();
    App a = open_page();
    update(a, act::SeenEmbedNotice{});
    CHECK(load_settings().embed_notice_seen);
    CHECK_FALSE(Settings{}.embed_notice_seen);
}

TEST_CASE("Page: actions emitted while drawing run after the frame, in order") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    const std::string id = a.log.entries[0].id;
    emit(a, act::DeleteEntry{id});
    emit(a, act::Undo{});
    CHECK(a.log.entries.size() == 1);  // nothing yet
    run_pending(a);
    CHECK(a.log.entries.size() == 1);
    CHECK(a.redo.size() == 1);
    CHECK(a.pending.empty());
    emit(a, act::ExportBackup{});
    run_pending(a);
    REQUIRE(fake::browser().downloads.size() == 1);
    CHECK(fake::browser().downloads[0].filename == "recert-backup-2026-11-26.json");
    CHECK(test::log_from(fake::browser().downloads[0].content).entries.size() == 1);
}

TEST_CASE("Page: a problem the log reader finds is shown under the field it names") {
    for (const Field f : {Field::title, Field::date, Field::kind, Field::provider, Field::minutes, Field::credits, Field::topics,
                          Field::approved, Field::code, Field::notes, Field::program, Field::certified_on, Field::renewed_through,
                          Field::label, Field::options})
        CHECK(field_at("/" + std::string(to_string(f)) + "/0") == f);
    CHECK(field_at("/id") == Field::other);
    CHECK(field_at("") == Field::other);

    EntryForm f;
    f.title = "Ethics webinar";
    f.date = "2025-03-01";
    f.credits = "1.5.2";
    f.minutes = "ninety";
    const auto check = check_entry(f);
    CHECK_FALSE(check.entry);
    CHECK(check.errors.count(Field::credits) == 1);
    CHECK(check.errors.count(Field::minutes) == 1);
    CHECK(check.errors.count(Field::other) == 0);
    f.credits = "1.5";
    f.minutes = "90";
    CHECK(check_entry(f).entry);
}

TEST_CASE("Page: Cancel closes an unchanged form at once, and asks before discarding a changed one") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::NewEntry{});
    update(a, act::CancelEntry{});
    CHECK_FALSE(a.entry_form.open);  // nothing typed: nothing to ask about
    CHECK_FALSE(a.entry_form.asking);

    update(a, act::NewEntry{});
    a.entry_form.title = "Ethics webinar";
    update(a, act::CancelEntry{});
    CHECK(a.entry_form.open);  // Cancel and Escape ask first
    CHECK(a.entry_form.asking);
    update(a, act::KeepEditing{});
    CHECK(a.entry_form.open);
    CHECK_FALSE(a.entry_form.asking);
    CHECK(a.entry_form.title == "Ethics webinar");  // what was typed stays

    a.entry_form.title.clear();  // back as it opened: no longer a change
    update(a, act::CancelEntry{});
    CHECK_FALSE(a.entry_form.open);

    update(a, act::NewEntry{});
    a.entry_form.kind = 3;
    update(a, act::CancelEntry{});
    REQUIRE(a.entry_form.asking);
    update(a, act::DiscardChanges{});
    CHECK_FALSE(a.entry_form.open);
    CHECK_FALSE(a.entry_form.asking);
    CHECK(a.log.entries.empty());  // discarded, not saved
}

TEST_CASE("Page: an edited activity or credential asks only once something in its form changed") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics webinar", "2025-03-01", "1.5");
    const std::string id = a.log.entries.at(0).id;
    update(a, act::OpenEntry{id});
    update(a, act::CancelEntry{});
    CHECK_FALSE(a.entry_form.open);  // opened and closed: the entry as it was is no change
    update(a, act::OpenEntry{id});
    a.entry_form.topics.push_back("fmla");
    update(a, act::CancelEntry{});
    CHECK(a.entry_form.asking);
    update(a, act::DiscardChanges{});
    CHECK(a.log.entries.at(0).topics.empty());

    const std::string credential = a.log.credentials.at(0).id;
    update(a, act::OpenCredential{credential});
    update(a, act::CancelCredential{});
    CHECK_FALSE(a.credential_form.open);
    update(a, act::OpenCredential{credential});
    a.credential_form.options["track"] = std::string("x");
    update(a, act::CancelCredential{});
    CHECK(a.credential_form.open);
    CHECK(a.credential_form.asking);
    update(a, act::KeepEditing{});
    CHECK_FALSE(a.credential_form.asking);
    a.credential_form.certified_on = "2025-02-01";
    update(a, act::CancelCredential{});
    update(a, act::DiscardChanges{});
    CHECK_FALSE(a.credential_form.open);
    CHECK(to_iso(*a.log.credentials.at(0).certified_on) == "2025-01-15");  // unchanged
}

TEST_CASE("Page: ticking the DMEC exam asks the day, refuses one ahead, records it undoably, and unticking forgets it") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    const std::string c = a.log.credentials[0].id;
    update(a, act::OpenStep{c, "exam"});
    REQUIRE(a.step_form.open);
    CHECK(a.step_form.name == "Pass the recertification exam");
    CHECK(a.step_form.date == "2026-11-26");  // today, unless the person says otherwise

    a.step_form.date = "2026-11-27";
    update(a, act::SaveStep{});
    CHECK(a.step_form.open);
    CHECK(a.step_form.error == "This date is in the future: tick the step once it is done");
    a.step_form.date = "2026-02-30";
    update(a, act::SaveStep{});
    CHECK(a.step_form.error == "\"2026-02-30\" is not a real date written YYYY-MM-DD");
    CHECK(a.log.credentials[0].steps.empty());  // nothing saved while the day is wrong

    a.step_form.date = "2026-10-01";
    update(a, act::SaveStep{});
    CHECK_FALSE(a.step_form.open);
    CHECK(to_iso(a.log.credentials[0].steps.at("exam")) == "2026-10-01");
    CHECK(to_iso(stored_log().credentials[0].steps.at("exam")) == "2026-10-01");
    CHECK(a.toast == "Recorded \"Pass the recertification exam\" as done on Oct 1, 2026.");
    REQUIRE(a.report.credentials.size() == 1);
    CHECK(a.report.credentials[0].steps.at(0).done);

    // Opened again, the form starts on the recorded day.
    update(a, act::OpenStep{c, "exam"});
    CHECK(a.step_form.date == "2026-10-01");
    update(a, act::CloseStep{});
    CHECK_FALSE(a.step_form.open);

    update(a, act::ClearStep{c, "exam"});
    CHECK(a.log.credentials[0].steps.empty());
    CHECK(a.toast == "Unticked \"Pass the recertification exam\".");
    update(a, act::Undo{});
    CHECK(to_iso(a.log.credentials[0].steps.at("exam")) == "2026-10-01");

    // A step the program does not have opens nothing.
    update(a, act::OpenStep{c, "interview"});
    CHECK_FALSE(a.step_form.open);
}

TEST_CASE("Page: Add to calendar downloads the credential's dates as an .ics file") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::ExportCalendar{a.log.credentials[0].id});
    REQUIRE(fake::browser().downloads.size() == 1);
    const auto& d = fake::browser().downloads[0];
    CHECK(d.filename == "recert-dates-dmec-clms.ics");
    CHECK(d.mime == "text/calendar");
    CHECK(d.content.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(d.content.find("UID:recert-c1-20250115-due@recert") != std::string::npos);
    update(a, act::ExportCalendar{"nope"});
    CHECK(fake::browser().downloads.size() == 1);
}

TEST_CASE("Page: Print renewal summary hands the credential's packet to the print view") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::PrintPacket{a.log.credentials[0].id});
    REQUIRE(fake::browser().printed.size() == 1);
    const auto packet = nlohmann::json::parse(fake::browser().printed[0]);
    CHECK(packet["title"] == "Renewal packet: DMEC CLMS");
    CHECK(packet["blocks"][1]["columns"][0] == "Credential");  // no name in Settings yet: no Name line
    CHECK(fake::browser().printed[0].find("Pass the recertification exam") != std::string::npos);
    update(a, act::PrintPacket{"nope"});
    CHECK(fake::browser().printed.size() == 1);

    // The name from Settings, kept over a reload, heads the packet.
    a.settings.name = "Dana Reyes";
    update(a, act::SaveSettings{});
    CHECK(load_settings().name == "Dana Reyes");
    update(a, act::PrintPacket{a.log.credentials[0].id});
    const auto named = nlohmann::json::parse(fake::browser().printed.at(1));
    CHECK(named["blocks"][1]["columns"][0] == "Name");
    CHECK(named["blocks"][1]["rows"][0]["cells"][0] == "Dana Reyes");
}

namespace {
act::CertificateStored kept(const std::string& name, char hash, std::int64_t size = 48213, const std::string& mime = "application/pdf") {
    return {name, mime, std::string(64, hash), size, platform::FileOutcome::stored};
}
// The browser has said it holds no certificates; a new activity's form is open, filled in.
void new_entry_to_attach_to(App& a) {
    update(a, act::CertificatesListed{{}});
    update(a, act::NewEntry{});
    a.entry_form.title = "Leave law update";
    a.entry_form.date = "2025-06-01";
    a.entry_form.credits = "1.5";
}
}  // namespace

TEST_CASE("Page: the PDF packet checks its certificates first, names those it cannot append, and says what it saved") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    new_entry_to_attach_to(a);
    a.entry_form.topics.push_back("fmla");  // counted: only counted activities' certificates go in
    update(a, kept("Certificate.pdf", 'a'));
    update(a, kept("photo.jpg", 'b', 9000, "image/jpeg"));
    update(a, act::SaveEntry{});
    const std::string id = a.log.credentials[0].id;

    update(a, act::MakePacket{id});
    REQUIRE(fake::browser().packet_checks.size() == 1);
    const auto listed = nlohmann::json::parse(fake::browser().packet_checks[0]);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["sha256"] == std::string(64, 'a'));
    CHECK(listed[1]["type"] == "image/jpeg");
    CHECK(a.toast == "Making the renewal packet\u2026");
    update(a, act::MakePacket{id});  // pressed again while it is made: one packet
    CHECK(fake::browser().packet_checks.size() == 1);

    // The PDF could not be opened: the packet is made again without it, and says why.
    update(a, act::PacketPrepared{{{std::string(64, 'a'), "encrypted"}}});
    REQUIRE(fake::browser().packets.size() == 1);
    const auto packet = nlohmann::json::parse(fake::browser().packets[0]);
    REQUIRE(packet["certificates"].size() == 1);
    CHECK(packet["certificates"][0]["name"] == "photo.jpg");
    CHECK(fake::browser().packets[0].find("Not in this PDF: the file is password-protected, so its pages cannot be copied") != std::string::npos);
    update(a, act::PacketMade{true, "", 3, 2});
    CHECK(a.toast == "Renewal packet saved to your downloads: 3 pages, the summary's 2 then 1 page of certificates. "
                     "Not in it: \u201CCertificate.pdf\u201D is password-protected, so its pages cannot be copied; the packet flags it.");
    CHECK_FALSE(a.packet_job);

    // A failure says so and leaves the way open to try again.
    update(a, act::MakePacket{id});
    update(a, act::PacketPrepared{});
    CHECK(nlohmann::json::parse(fake::browser().packets.at(1))["certificates"].size() == 2);
    update(a, act::PacketMade{false, "pdf-lib could not be loaded; check the connection", 0, 0});
    CHECK(a.toast == "The renewal packet could not be made: pdf-lib could not be loaded; check the connection. Nothing was changed; try again, or print the summary instead.");
    update(a, act::MakePacket{"nope"});
    CHECK(fake::browser().packet_checks.size() == 2);
    CHECK_FALSE(a.packet_job);
}

TEST_CASE("Page: a program file an association sent is checked, kept with the log, and the credential form starts on it") {
    fake::reset();
    App a = open_page();
    update(a, act::NewCredential{});
    update(a, act::PickFile{true});
    const std::string text = test::read_text("programs/template/example-ces.json");
    update(a, act::FilePicked{"example-ces (1).json", text, ""});  // a download's name, not its id: accepted
    CHECK_FALSE(a.program_file.open);
    REQUIRE(a.log.programs.size() == 1);
    CHECK(a.log.programs[0].id == "example-ces");
    CHECK(a.toast == "Kept the program in example-ces (1).json with your log.");
    REQUIRE(a.credential_form.program >= 0);
    CHECK(a.programs[static_cast<std::size_t>(a.credential_form.program)].id == "example-ces");
    a.credential_form.certified_on = "2025-03-01";
    update(a, act::SaveCredential{});
    REQUIRE(a.report.credentials.size() == 1);
    CHECK(a.report.credentials[0].problems.empty());

    // Stored with the log: a reload evaluates it as before, and a backup carries it.
    App again = open_page();
    REQUIRE(again.report.credentials.size() == 1);
    CHECK(again.report.credentials[0].problems.empty());
    update(again, act::ExportBackup{});
    CHECK(nlohmann::json::parse(fake::browser().downloads.back().content)["programs"][0]["id"] == "example-ces");
}

TEST_CASE("Page: a program file with mistakes is refused with each one's place, and the log is unchanged") {
    fake::reset();
    App a = open_page();
    update(a, act::NewCredential{});
    update(a, act::PickFile{true});
    update(a, act::FilePicked{"broken.json", "{\n  \"format\": \"recert-program\",\n  \"id\": \"x\"\n  \"name\": 1\n}", ""});
    REQUIRE(a.program_file.open);
    REQUIRE(a.program_file.problems.size() == 1);
    CHECK(describe(a.program_file.problems[0]).rfind("line 4, column 8: a ',' or '}' must follow a value", 0) == 0);
    update(a, act::CloseProgramFile{});
    nlohmann::json bad = nlohmann::json::parse(test::read_text("programs/template/example-ces.json"));
    bad["requirements"][0]["min"] = "lots";
    bad.erase("cycle");
    update(a, act::PickFile{true});
    update(a, act::FilePicked{"bad.json", bad.dump(), ""});
    REQUIRE(a.program_file.problems.size() >= 2);
    std::vector<std::string> where;
    for (const auto& p : a.program_file.problems) where.push_back(p.where);
    CHECK(std::find(where.begin(), where.end(), "/cycle") != where.end());
    CHECK(std::find(where.begin(), where.end(), "/requirements/0/min") != where.end());
    CHECK(a.log.programs.empty());
    CHECK(a.undo.empty());
    // A backup picked from the Backup menu still goes to the import preview.
    update(a, act::CloseProgramFile{});
    update(a, act::PickFile{});
    update(a, act::FilePicked{"backup.json", R"({"format":"recert-log","version":1,"credentials":[],"entries":[]})", ""});
    CHECK(a.import.open);
    CHECK_FALSE(a.program_file.open);
}

TEST_CASE("Page: a newer file for a program already here replaces it only after a yes, showing what changes") {
    fake::reset();
    App a = open_page();
    const std::string text = test::read_text("programs/template/example-ces.json");
    update(a, act::NewCredential{});
    update(a, act::PickFile{true});
    update(a, act::FilePicked{"example-ces.json", text, ""});
    REQUIRE(a.log.programs.size() == 1);
    // The same file again changes nothing.
    update(a, act::FilePicked{"example-ces.json", text, ""});
    CHECK_FALSE(a.program_file.open);
    CHECK(a.toast == "This program is already here, unchanged.");

    nlohmann::json newer = nlohmann::json::parse(text);
    newer["requirements"][0]["min"] = "30";
    update(a, act::FilePicked{"example-ces-2027.json", newer.dump(), ""});
    REQUIRE(a.program_file.open);
    REQUIRE(a.program_file.incoming.has_value());
    CHECK(a.program_file.replaces == "Example Association CES renewal");
    CHECK(a.program_file.changes == std::vector<std::string>{"/requirements/0/min: \"24\" becomes \"30\""});
    update(a, act::CloseProgramFile{});  // "Keep the one I have"
    CHECK(a.log.programs[0].file == nlohmann::json::parse(text));
    update(a, act::FilePicked{"example-ces-2027.json", newer.dump(), ""});
    update(a, act::UseProgramFile{});
    CHECK(a.log.programs[0].file["requirements"][0]["min"] == "30");
    update(a, act::Undo{});
    CHECK(a.log.programs[0].file == nlohmann::json::parse(text));
}

TEST_CASE("Page: the backup nudge comes after 60 days or 10 new activities without a backup, and a backup or Not now quiets it") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    CHECK_FALSE(backup_nudge(a).has_value());  // nothing logged yet
    for (int i = 1; i <= 9; ++i) log_activity(a, "Webinar " + std::to_string(i), "2025-03-01", "1");
    CHECK_FALSE(backup_nudge(a).has_value());
    log_activity(a, "Webinar 10", "2025-03-01", "1");
    CHECK(backup_nudge(a) == "No backup yet: your 10 activities are kept only in this browser.");

    update(a, act::ExportBackup{});
    CHECK_FALSE(backup_nudge(a).has_value());
    CHECK(load_settings().last_backup == a.today);  // remembered over a reload
    CHECK(load_settings().entries_at_backup == 10);

    // 60 days on, with 2 logged since.
    log_activity(a, "Webinar 11", "2025-03-01", "1");
    log_activity(a, "Webinar 12", "2025-03-01", "1");
    a.today = add_days(a.today, date::days{59});
    CHECK_FALSE(backup_nudge(a).has_value());
    a.today = add_days(a.today, date::days{35});
    CHECK(backup_nudge(a) == "Last backup: 94 days ago, and 2 activities logged since.");
    update(a, act::QuietBackupNudge{});
    CHECK_FALSE(backup_nudge(a).has_value());
    a.today = add_days(a.today, date::days{14});
    CHECK(backup_nudge(a).has_value());  // quiet for two weeks, then back
    update(a, act::ExportBackup{});
    CHECK_FALSE(backup_nudge(a).has_value());
}

TEST_CASE("Page: the program check lists every problem of a pasted file, and previews a valid one on the person's own activities") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    log_activity(a, "Ethics seminar", "2026-05-01", "3");
    update(a, act::OpenCheck{});
    REQUIRE(a.check.open);
    nlohmann::json file = nlohmann::json::parse(test::read_text("programs/template/example-ces.json"));
    file["requirements"][1]["min"] = "six";
    a.check.text = file.dump(2);
    update(a, act::CheckProgram{});
    REQUIRE(a.check.checked);
    CHECK_FALSE(a.check.program.has_value());
    REQUIRE(a.check.problems.size() == 1);
    CHECK(a.check.problems[0].where == "/requirements/1/min");

    file["requirements"][1]["min"] = "6";
    a.check.text = file.dump(2);
    a.check.certified_on = "2025-03-01";
    update(a, act::CheckProgram{});
    CHECK(a.check.problems.empty());
    REQUIRE(a.check.preview.has_value());
    CHECK(a.check.preview->problems.empty());
    CHECK(to_iso(a.check.preview->start) == "2025-03-01");
    REQUIRE_FALSE(a.check.preview->requirements.empty());
    CHECK(a.check.preview->requirements[0].earned == Credits::parse("3", 2).value());  // the person's own activity
    CHECK(a.log.programs.empty());  // nothing of it is kept
    CHECK(a.undo.size() == 2);
    update(a, act::CloseCheck{});
    CHECK_FALSE(a.check.open);
}

TEST_CASE("Page: certificates attached in the form are saved with the activity, by hash, and removing one is undoable") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    new_entry_to_attach_to(a);
    update(a, act::PickCertificates{});
    CHECK(fake::browser().certificate_picks == std::vector<bool>{false});
    update(a, kept("Certificate.pdf", 'a'));
    update(a, kept("photo.jpg", 'b', 900000, "image/jpeg"));
    update(a, kept("Certificate (1).pdf", 'a'));  // the same bytes again
    REQUIRE(a.entry_form.files.size() == 2);
    CHECK(a.entry_form.files[1].id == "f2");
    CHECK(a.entry_form.file_messages == std::vector<std::string>{"\u201CCertificate (1).pdf\u201D is attached to this activity already."});
    CHECK(a.stored_certificates->count(std::string(64, 'b')) == 1);
    update(a, act::SaveEntry{});
    REQUIRE(a.log.entries.size() == 1);
    // Saved as the log format says, and read back the same from storage.
    const auto& files = stored_log().entries[0].files;
    REQUIRE(files.size() == 2);
    CHECK(files[0].name == "Certificate.pdf");
    CHECK(files[1].type == FileType::jpeg);
    CHECK(files[1].size == 900000);
    CHECK(files[1].sha256 == std::string(64, 'b'));

    // View asks the browser for the bytes by hash, with the type and the name to save as.
    update(a, act::ViewCertificate{std::string(64, 'a')});
    update(a, act::ViewCertificate{std::string(64, 'b'), true});
    CHECK(fake::browser().opened == std::vector<std::string>{std::string(64, 'a') + " application/pdf Certificate.pdf",
                                                            "download " + std::string(64, 'b') + " image/jpeg photo.jpg"});

    // Removed in the form, saved, undone: the certificate is back.
    update(a, act::OpenEntry{a.log.entries[0].id});
    update(a, act::RemoveCertificate{std::string(64, 'a')});
    update(a, act::SaveEntry{});
    CHECK(a.log.entries[0].files.size() == 1);
    update(a, act::Undo{});
    CHECK(a.log.entries[0].files.size() == 2);
    CHECK(stored_log().entries[0].files.size() == 2);
    // A duplicate is another activity: it starts without the original's certificates.
    update(a, act::OpenEntry{a.log.entries[0].id, true});
    CHECK(a.entry_form.files.empty());
}

TEST_CASE("Page: a certificate that cannot be kept says why, and the activity and its other files are kept") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    // A file dropped on the page with no form open starts an activity with it.
    update(a, kept("Certificate.pdf", 'a'));
    REQUIRE(a.entry_form.open);
    REQUIRE(a.entry_form.files.size() == 1);
    auto refused = [&](platform::FileOutcome o, std::int64_t size = 100) {
        update(a, act::CertificateStored{"big scan.pdf", "", "", size, o});
        return a.entry_form.file_messages.back();
    };
    CHECK(refused(platform::FileOutcome::too_big, 12'582'912) == "\u201Cbig scan.pdf\u201D is 12 MB: a certificate can be at most 10 MB.");
    CHECK(refused(platform::FileOutcome::not_certificate) == "\u201Cbig scan.pdf\u201D is not a PDF, PNG or JPEG file.");
    CHECK(refused(platform::FileOutcome::full).rfind("\u201Cbig scan.pdf\u201D could not be kept: this browser's storage is full. The activity and the files already attached are kept", 0) == 0);
    CHECK(refused(platform::FileOutcome::blocked).find("does not let the page store files") != std::string::npos);
    CHECK(fake::browser().announced.back() == a.entry_form.file_messages.back());  // a screen reader hears it too
    CHECK(a.entry_form.files.size() == 1);
    a.entry_form.title = "Dropped";
    update(a, act::SaveEntry{});
    REQUIRE(a.log.entries.size() == 1);
    CHECK(a.log.entries[0].files.size() == 1);
}

TEST_CASE("Page: a certificate the browser no longer holds, or holds altered, is named and the entry kept") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::NewEntry{});
    a.entry_form.title = "Ethics";
    update(a, kept("Ethics.pdf", 'c'));
    update(a, act::SaveEntry{});
    update(a, act::CertificatesListed{{std::string(64, 'd')}});  // another file only: this one is missing
    CHECK(a.stored_certificates->count(std::string(64, 'c')) == 0);
    update(a, act::CertificateUnavailable{std::string(64, 'c'), true});
    CHECK(a.altered_certificates.count(std::string(64, 'c')) == 1);
    CHECK(a.toast.find("\u201CEthics.pdf\u201D has changed since it was attached") == 0);
    update(a, act::CertificateUnavailable{std::string(64, 'c'), false});
    CHECK(a.toast.find("\u201CEthics.pdf\u201D is not kept in this browser") == 0);
    CHECK(a.log.entries[0].files.size() == 1);  // the log still names it: a backup with certificates can bring it back
}

TEST_CASE("Page: Show them lists the activities missing what an audit asks, on a phone under their tab") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    a.view.filter = "ethics";
    update(a, act::ShowMissingEvidence{});
    CHECK(a.view.status_filter == 4);
    CHECK(a.view.filter.empty());
    CHECK(a.open_activities);
}

TEST_CASE("Page: Settings counts the certificates the log names, each file once") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    CHECK(certificates_named(a.log) == std::pair<std::int64_t, std::int64_t>{0, 0});
    for (const char* title : {"One", "Two"}) {
        update(a, act::NewEntry{});
        a.entry_form.title = title;
        update(a, kept("same.pdf", 'a', 1000));  // the same bytes on both activities
        update(a, kept("other.png", title[0] == 'O' ? 'b' : 'c', 500, "image/png"));
        update(a, act::SaveEntry{});
    }
    CHECK(certificates_named(a.log) == std::pair<std::int64_t, std::int64_t>{3, 2000});
}

TEST_CASE("Page: Back up everything asks for one .zip holding the log as the JSON backup has it and a manifest naming each certificate once") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    for (const char* title : {"One", "Two"}) {
        update(a, act::NewEntry{});
        a.entry_form.title = title;
        update(a, kept("FMLA webinar.pdf", 'a', 1000));  // the same bytes on both activities
        if (title[0] == 'T') update(a, kept("scan", 'b', 500, "image/jpeg"));
        update(a, act::SaveEntry{});
    }
    update(a, act::BackupEverything{});
    REQUIRE(fake::browser().archives.size() == 1);
    const auto& zip = fake::browser().archives[0];
    CHECK(zip.filename == "recert-backup-2026-11-26.zip");
    CHECK(zip.log_json == serialize(a.log) + "\n");
    const auto manifest = nlohmann::json::parse(zip.manifest_json);
    CHECK(manifest["format"] == "recert-backup");
    CHECK(manifest["log"] == "recert-log.json");
    REQUIRE(manifest["certificates"].size() == 2);
    CHECK(manifest["certificates"][0]["path"] == "certificates/aaaaaaaaaaaa-FMLA webinar.pdf");
    CHECK(manifest["certificates"][1]["path"] == "certificates/bbbbbbbbbbbb-scan.jpg");
    CHECK(manifest["certificates"][1]["type"] == "image/jpeg");
    CHECK(manifest["certificates"][1]["size"] == 500);
    CHECK(a.archive.job == App::Archive::Job::writing);
    CHECK(a.archive.total == 1500);
    update(a, act::BackupEverything{});  // pressed again while it runs: still one
    CHECK(fake::browser().archives.size() == 1);

    update(a, act::ArchiveProgress{1000, 1500});
    CHECK(a.archive.done == 1000);
    update(a, act::BackupWritten{true, "", {{std::string(64, 'b'), "missing"}}});
    CHECK(a.archive.job == App::Archive::Job::none);
    CHECK(a.toast == "Backup saved to your downloads, with 1 certificate. Left out: \u201Cscan\u201D is not kept in this browser; attach it again.");
    CHECK(load_settings().last_backup == a.today);
}

TEST_CASE("Page: a .zip backup that could not be made says so and counts as no backup") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::BackupEverything{});
    update(a, act::BackupWritten{false, "the browser ran out of memory", {}});
    CHECK(a.toast.rfind("The backup could not be made: the browser ran out of memory. Nothing was changed", 0) == 0);
    CHECK_FALSE(load_settings().last_backup.has_value());
    CHECK(a.archive.job == App::Archive::Job::none);
}

TEST_CASE("Page: a certificate's place in a .zip backup is safe on every file system and keeps its type's extension") {
    auto path = [](std::vector<std::string> names, FileType type) { return archive_path({std::string(64, 'f'), type, 1, std::move(names)}); };
    CHECK(path({"a/b:c?.PDF"}, FileType::pdf) == "certificates/ffffffffffff-a_b_c_.PDF");
    CHECK(path({"photo.jpeg"}, FileType::jpeg) == "certificates/ffffffffffff-photo.jpeg");
    CHECK(path({"photo"}, FileType::png) == "certificates/ffffffffffff-photo.png");
    CHECK(path({}, FileType::pdf) == "certificates/ffffffffffff-certificate.pdf");
    CHECK(path({"tab\there"}, FileType::pdf) == "certificates/ffffffffffff-tab_here.pdf");
}

TEST_CASE("Page: a .zip backup opens the import preview with what it restored, and the page asks again which certificates it holds") {
    fake::reset();
    App a = open_page();
    Log other;
    update(a, act::PickFile{});
    ArchiveRestore restored{3, {{std::string(64, 'e'), "damaged"}}};
    update(a, act::FilePicked{"recert-backup-2026-11-20.zip", serialize(other), "", restored});
    CHECK(fake::browser().certificate_lists == 1);
    REQUIRE(a.import.open);
    REQUIRE(a.import.archive.has_value());
    CHECK(a.import.archive->restored == 3);
    CHECK(a.import.archive->not_restored[0].second == "damaged");
    CHECK(archive_reason("damaged") == "is damaged in the backup (its bytes do not match its record)");
    CHECK(archive_reason("nonsense") == "could not be read");
}

TEST_CASE("Page: Delete all my data also deletes the certificates kept in this browser") {
    fake::reset();
    App a = open_page();
    add_dmec(a);
    update(a, act::NewEntry{});
    a.entry_form.title = "One";
    update(a, kept("a.pdf", 'a'));
    update(a, act::SaveEntry{});
    update(a, act::Wipe{});
    CHECK(fake::browser().certificate_wipes == 1);
    CHECK(a.toast == "Deleted from this browser: 1 credential, 1 activity, 1 certificate and your settings.");
}
