// .Files and .Capabilities as Helm's templates use them.
#include "meshery/helm/render_objects.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/gotmpl/templates.hpp"
#include "meshery/helm/functions.hpp"
#include "meshery/helm/ignore.hpp"

namespace meshery::helm {
namespace {

using gotmpl::Value;

std::string render(std::string_view text) {
  gotmpl::FunctionMap functions = gotmpl::sprigFunctions();
  for (auto& [name, function] : helmFunctions()) functions[name] = std::move(function);
  gotmpl::Templates templates(std::move(functions));
  templates.setMissingKey(gotmpl::MissingKey::kZero);
  templates.parse("t", text);
  Value root = Value::map();
  auto& entries = root.asMap().entries;
  entries["Files"] = filesValue({{"conf/a.txt", "alpha\n"},
                                 {"conf/b.yaml", "k: v"},
                                 {"conf/sub/c.sh", "#!/bin/sh\necho hi\n"},
                                 {"README.md", "# readme\nline two\n"}});
  entries["Capabilities"] =
      capabilitiesValue(KubeVersion{}, {"v1", "apps/v1", "helm.k8s.io/test"}, "v3.17.2");
  return templates.execute("t", root);
}

TEST(HelmFiles, GetAndLines) {
  EXPECT_EQ(
      render(
          R"({{ .Files.Get "conf/a.txt" }}|{{ .Files.Get "missing" }}|{{ .Files.GetBytes "conf/b.yaml" }})"),
      "alpha\n||k: v");
  EXPECT_EQ(
      render(
          R"({{ range .Files.Lines "README.md" }}[{{ . }}]{{ end }} {{ len (.Files.Lines "none") }})"),
      "[# readme][line two] 0");
}

TEST(HelmFiles, GlobStopsAtSlashesUnlessDoubleStar) {
  EXPECT_EQ(render(R"({{ range $path, $_ := .Files.Glob "conf/*" }}{{ $path }} {{ end }})"),
            "conf/a.txt conf/b.yaml ");
  EXPECT_EQ(render(R"({{ range $path, $_ := .Files.Glob "conf/**" }}{{ $path }} {{ end }})"),
            "conf/a.txt conf/b.yaml conf/sub/c.sh ");
  EXPECT_EQ(render(R"({{ range $path, $_ := .Files.Glob "**.{sh,md}" }}{{ $path }} {{ end }})"),
            "README.md conf/sub/c.sh ");
  EXPECT_EQ(
      render(
          R"({{ len (.Files.Glob "conf/?.txt") }} {{ len (.Files.Glob "conf/[ab].*") }} {{ len (.Files.Glob "conf/[!a].*") }})"),
      "1 2 1");
  EXPECT_EQ(render(R"({{ printf "%T" (.Files.Glob "*") }})"), "engine.files");
}

TEST(HelmFiles, AsConfigAndAsSecretsKeyByBaseName) {
  // The same text Helm's toYaml gives for that map (tests/golden/helm,
  // to-yaml-as-config-shape).
  EXPECT_EQ(render(R"({{ (.Files.Glob "conf/**").AsConfig }})"),
            "a.txt: |\n  alpha\nb.yaml: 'k: v'\nc.sh: |\n  #!/bin/sh\n  echo hi");
  EXPECT_EQ(render(R"({{ (.Files.Glob "conf/*.txt").AsSecrets }})"), "a.txt: YWxwaGEK");
}

TEST(HelmCapabilities, KubeVersionAndApiVersions) {
  EXPECT_EQ(
      render(
          R"({{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.GitVersion }})"),
      "v1.32.0 1.32 v1.32.0 v1.32.0")
      << "helm v3.17.2's default";
  EXPECT_EQ(
      render(
          R"({{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "batch/v9" }} {{ .Capabilities.HelmVersion.Version }})"),
      "true false v3.17.2");
  EXPECT_EQ(
      render(
          R"({{ semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version }} {{ printf "%T" .Capabilities.APIVersions }})"),
      "true chartutil.VersionSet");
}

TEST(HelmGlob, Patterns) {
  EXPECT_TRUE(globMatch("*.yaml", "a.yaml"));
  EXPECT_FALSE(globMatch("*.yaml", "dir/a.yaml"));
  EXPECT_TRUE(globMatch("**.yaml", "dir/a.yaml"));
  EXPECT_TRUE(globMatch("dir/{a,b}.yaml", "dir/b.yaml"));
  EXPECT_FALSE(globMatch("dir/?", "dir/ab"));
  EXPECT_TRUE(globMatch("a\\*b", "a*b"));
  EXPECT_FALSE(globMatch("a\\*b", "axb"));
}

TEST(HelmIgnore, RulesAsHelmsLoaderAppliesThem) {
  const IgnoreRules rules = IgnoreRules::parse("# c\n*.md\nsecret/\n/top.txt\ndocs/*.txt\n\n");
  EXPECT_TRUE(rules.ignores("README.md", false));
  EXPECT_TRUE(rules.ignores("sub/NOTES.md", false)) << "a rule without '/' matches base names";
  EXPECT_TRUE(rules.ignores("secret", true));
  EXPECT_FALSE(rules.ignores("secret", false)) << "'secret/' is for directories";
  EXPECT_TRUE(rules.ignores("top.txt", false));
  EXPECT_FALSE(rules.ignores("sub/top.txt", false)) << "'/top.txt' is anchored at the root";
  EXPECT_TRUE(rules.ignores("docs/a.txt", false));
  EXPECT_FALSE(rules.ignores("docs/deep/a.txt", false)) << "'*' stops at '/'";
  EXPECT_TRUE(rules.ignores("templates/.hidden.yaml", false)) << "Helm's default rule";
  EXPECT_FALSE(rules.ignores("values.yaml", false));
  EXPECT_THROW(IgnoreRules::parse("charts/**\n"), Error);
}

}  // namespace
}  // namespace meshery::helm
