// Nothing lost on the way to disk: the real binary's exports killed part way, into a full disk and
// into a read-only folder. The old guide stays whole, a half guide never takes the guide's name,
// and the error says where and why in one line.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/test_files.h"

namespace smp {
namespace {

const std::string kBinary = SMP_STUDIO_BINARY;
const std::string kDesign = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";

std::set<std::string> names_in(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

std::string contents(const std::filesystem::path& path) {
  std::ostringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

bool no_gl(const test::CommandResult& result) { return result.output.find("no offscreen OpenGL") != std::string::npos; }

// The export is killed (SIGKILL: no handler, no clean-up) at moments spread over its run, and once
// exactly at the folder swap; each time the folder holds the old guide, unchanged, or the whole new
// one. The next export then clears what the killed ones left hidden beside it.
TEST(Writes, ExportKilledPartWayLeavesTheOldGuideWhole) {
  const auto dir = test::scratch_dir();
  const auto guide = dir / "guide";
  const auto old = test::run_command(kBinary + " export " + kDesign + " --formats csv,json --out " + guide.string());
  ASSERT_EQ(old.exit_code, 0) << old.output;
  const std::set<std::string> old_names = names_in(guide);
  const std::string old_design = contents(guide / "design.json");
  const std::string full = kBinary + " export " + kDesign + " --out " + guide.string();
  std::vector<std::string> runs;
  for (const char* seconds : {"0.5", "1.2", "2", "3", "4.5", "9"}) runs.push_back("timeout -s KILL " + std::string(seconds) + " " + full);
  const bool can_trace = test::run_command("strace -f -o /dev/null true").exit_code == 0;
  if (can_trace)  // killed on entering the swap of the finished folder with the old one
    runs.push_back("ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -qq -o /dev/null -e trace=renameat2 -e inject=renameat2:signal=KILL " + full);
  int old_kept = 0, new_whole = 0;
  for (const std::string& run : runs) {
    const auto result = test::run_command(run);
    if (no_gl(result)) GTEST_SKIP() << result.output;
    ASSERT_TRUE(std::filesystem::is_directory(guide)) << run << ": the guide's folder is gone\n" << result.output;
    const std::set<std::string> now = names_in(guide);
    if (now == old_names) {
      EXPECT_EQ(contents(guide / "design.json"), old_design) << run;
      ++old_kept;
    } else {
      // A new guide is only ever there whole: the PDF, the pictures, the maps and the data.
      for (const char* file : {"guide.pdf", "dots.csv", "design.json", "scalp-map-session-3.svg", "session-3-healed.png"})
        EXPECT_TRUE(now.count(file)) << run << ": a guide without " << file;
      ++new_whole;
    }
    for (const std::string& name : names_in(dir))  // anything else is hidden: it never looks finished
      EXPECT_TRUE(name == "guide" || name[0] == '.') << run << ": " << name;
  }
  EXPECT_GT(old_kept, 0) << "no kill landed before the swap";
  const auto last = test::run_command(full);
  ASSERT_EQ(last.exit_code, 0) << last.output;
  EXPECT_EQ(names_in(dir), std::set<std::string>{"guide"}) << "the killed exports' hidden folders were not cleared";
  RecordProperty("old_kept", old_kept);
  RecordProperty("new_whole", new_whole);
}

// A full disk and a read-only folder, made for the test in a private mount namespace (no root
// needed where user namespaces are allowed): exit 1, one line naming the guide and the reason, and
// nothing left on that disk.
TEST(Writes, FullDiskAndReadOnlyFolderGiveOneClearLineAndLeaveNothing) {
  if (test::run_command("unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs /mnt'").exit_code != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (unshare -rm not allowed)";
  const auto dir = test::scratch_dir();
  const auto disk = dir / "disk";
  std::filesystem::create_directory(disk);
  auto in_namespace = [&](const std::string& mount_options, const std::string& command) {
    return test::run_command("unshare -rm sh -c 'mount -t tmpfs -o " + mount_options + " tmpfs " + disk.string() + " && " + command +
                             "; echo exit=$?; echo left:; ls -A " + disk.string() + "'");
  };
  struct Case {
    std::string mount, command, reason;
  };
  const std::string guide = (disk / "guide").string();
  for (const Case& c : {Case{"size=300k", kBinary + " export " + kDesign + " --out " + guide, "No space left on device"},
                        Case{"size=64k", kBinary + " render --size 1600x1200 --out " + (disk / "head.png").string(), "No space left on device"},
                        Case{"ro", kBinary + " export " + kDesign + " --out " + guide, "Read-only file system"}}) {
    const auto result = in_namespace(c.mount, c.command);
    if (no_gl(result)) GTEST_SKIP() << result.output;
    EXPECT_NE(result.output.find("exit=1"), std::string::npos) << c.command << "\n" << result.output;
    std::size_t error_lines = 0;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("smp-studio: ", 0) != 0) continue;
      ++error_lines;
      EXPECT_NE(line.find(c.reason), std::string::npos) << line;
      EXPECT_NE(line.find(disk.string()), std::string::npos) << "the line does not say where: " << line;
      EXPECT_EQ(line.find(".partial"), std::string::npos) << "the line names the hidden folder, not the guide: " << line;
    }
    EXPECT_EQ(error_lines, 1u) << result.output;
    EXPECT_EQ(result.output.substr(result.output.find("left:") + 5), "\n") << "files left on the full disk:\n" << result.output;
  }
}

}  // namespace
}  // namespace smp
