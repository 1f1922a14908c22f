#pragma once

// Helm's .helmignore rules (pkg/ignore): which files of a chart directory
// its loader and `helm package` leave out.

#include <string>
#include <string_view>
#include <vector>

namespace meshery::helm {

class IgnoreRules {
 public:
  /// The rules of a .helmignore text, after Helm's default one
  /// ("templates/.?*": hidden files under templates/). Blank lines and
  /// '#' comments are skipped; "!rule" negates, "rule/" matches only
  /// directories; a rule with a '/' matches the whole path, one without
  /// the base name, with Go's filepath.Match. Throws Error(kInvalidArgument)
  /// for "**", which Helm refuses too.
  static IgnoreRules parse(std::string_view helmignore);

  /// rules.Ignore: whether `path` (relative to the chart, '/'-separated)
  /// is left out; an ignored directory is left out with all it holds.
  [[nodiscard]] bool ignores(std::string_view path, bool is_directory) const;

 private:
  struct Rule {
    std::string pattern;
    bool negate = false;
    bool directory_only = false;
    bool whole_path = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace meshery::helm
