#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "meshery/cli/run.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::cli {
namespace {

std::string script(const std::string& shell) {
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(run({"completion", shell}, out, err), 0) << err.str();
  return out.str();
}

/// Sources the bash script and asks it to complete `line` (words; the last
/// one is being typed); returns COMPREPLY joined by spaces.
std::string complete(const std::vector<std::string>& words) {
  test::TempDir dir;
  const auto path = dir.path() / "mesheryctl.bash";
  std::ofstream(path) << script("bash");
  std::string array;
  for (const auto& word : words) array += " '" + word + "'";
  const std::string command = "source '" + path.string() + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" +
                              std::to_string(words.size() - 1) + "; _mesheryctl; echo \"${COMPREPLY[*]}\"";
  test::ProcessOptions options;
  options.args = {"/bin/bash", "--norc", "-c", command};
  const auto result = test::run(options);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.output;
}

TEST(CliCompletion, BashCompletesCommandsFlagsAndValues) {
  EXPECT_EQ(complete({"mesheryctl", "sys"}), "system\n");
  EXPECT_EQ(complete({"mesheryctl", "system", "st"}), "start stop status\n");
  EXPECT_EQ(complete({"mesheryctl", "-v", "system", "context", "sw"}), "switch\n");
  EXPECT_EQ(complete({"mesheryctl", "system", "status", "-o", ""}), "json yaml\n");
  EXPECT_EQ(complete({"mesheryctl", "completion", "z"}), "zsh\n");
  EXPECT_NE(complete({"mesheryctl", "system", "start", "--"}).find("--timeout"), std::string::npos);
}

TEST(CliCompletion, ZshAndFishScriptsCoverTheTree) {
  const auto zsh = script("zsh");
  EXPECT_TRUE(zsh.starts_with("#compdef mesheryctl\n"));
  EXPECT_NE(zsh.find("bashcompinit"), std::string::npos);
  const auto fish = script("fish");
  EXPECT_NE(fish.find("__mesheryctl_at \"mesheryctl system context\"' -a 'switch'"), std::string::npos) << fish;
  EXPECT_NE(fish.find("-l output -x -a 'json yaml'"), std::string::npos) << fish;
}

TEST(CliCompletion, UnknownShellFails) {
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_NE(run({"completion", "powershell"}, out, err), 0);
  EXPECT_NE(err.str().find("Error: "), std::string::npos);
}

}  // namespace
}  // namespace meshery::cli
