// Writes the CSV seed corpus: each log named on the command line, exported as CSV
// (what the page's CSV export writes), into OUT_DIR/<log file name>.csv.
//   make_seeds OUT_DIR LOG...
#include <cstdio>
#include <fstream>
#include <string>

#include "common.h"
#include "csv.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_seeds OUT_DIR LOG...\n");
        return 2;
    }
    for (int i = 2; i < argc; ++i) {
        const std::string path = argv[i];
        const auto r = recert::parse_log(recert::fuzz::read_file(path));
        if (!r.log) {
            std::fprintf(stderr, "make_seeds: %s: %s\n", path.c_str(), recert::describe(r.problems.front()).c_str());
            return 1;
        }
        const std::string name = path.substr(path.find_last_of('/') + 1);
        std::ofstream(std::string(argv[1]) + "/" + name + ".csv", std::ios::binary) << recert::to_csv(r.log->entries);
    }
    return 0;
}
