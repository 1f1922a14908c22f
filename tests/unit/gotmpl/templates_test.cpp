// The Templates API around Go's semantics: sets, clones, functions,
// objects, limits and the errors functions report.
#include "meshery/gotmpl/templates.hpp"

#include <gtest/gtest.h>

#include "meshery/gotmpl/format.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/gotmpl/json_value.hpp"

namespace meshery::gotmpl {
namespace {

Function oneString(std::function<std::string(const std::string&)> body) {
  return Function{
      {Param::kString}, false, [body = std::move(body)](CallContext&, std::vector<Value>& args) {
        return Value::string(body(args[0].asString()));
      }};
}

std::string render(Templates& templates, std::string_view text, const Value& data = Value::map()) {
  templates.parse("t", text);
  return templates.execute("t", data);
}

TEST(Templates, FunctionsAreCheckedAtParseTimeAndCalledWithConvertedArguments) {
  Templates templates({{"shout", oneString([](const std::string& s) { return s + "!"; })}});
  EXPECT_EQ(render(templates, R"({{ shout "hi" }} {{ "yo" | shout }})"), "hi! yo!");
  try {
    templates.parse("u", "{{ whisper 1 }}");
    FAIL() << "an undefined function parsed";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
    EXPECT_EQ(error.message(), R"(template: u:1: function "whisper" not defined)");
    ASSERT_TRUE(error.position().has_value());
    EXPECT_EQ(error.position()->line, 1U);
  }
}

TEST(Templates, AFunctionErrorNamesTheFunctionAndKeepsItsMessage) {
  Templates templates({{"boom", Function{{}, false, [](CallContext&, std::vector<Value>&) -> Value {
                                           throw FunctionError("it broke");
                                         }}}});
  templates.parse("t", "line\n  {{ boom }}");
  try {
    (void)templates.execute("t", Value());
    FAIL() << "no error";
  } catch (const ExecError& error) {
    EXPECT_EQ(error.message(),
              R"(template: t:2:5: executing "t" at <boom>: error calling boom: it broke)");
    EXPECT_EQ(error.function(), "boom");
    EXPECT_EQ(error.functionMessage(), "it broke");
    EXPECT_EQ(error.location(), "t:2:5");
    EXPECT_EQ(error.templateName(), "t");
  }
}

TEST(Templates, ACloneSharesParsedTemplatesButNotLaterChanges) {
  Templates original;
  original.parse("base", R"({{ define "part" }}original{{ end }}{{ template "part" }})");
  Templates copy = original;
  copy.parse("more", R"({{ define "part" }}replaced{{ end }})");
  copy.addFunctions({{"extra", oneString([](const std::string& s) { return s; })}});
  EXPECT_EQ(original.execute("base", Value()), "original");
  EXPECT_EQ(copy.execute("base", Value()), "replaced");
  EXPECT_EQ(original.function("extra"), nullptr);
  EXPECT_NE(copy.function("extra"), nullptr);
  EXPECT_FALSE(original.defined("more"));
}

TEST(Templates, AnEmptyDefinitionNeverReplacesOneWithABody) {
  Templates templates;
  templates.parse("a", R"({{ define "x" }}body{{ end }})");
  templates.parse("b", R"({{ define "x" }}  {{ end }}{{ template "x" }})");
  EXPECT_EQ(templates.execute("b", Value()), "body");
  EXPECT_EQ(templates.names(), (std::vector<std::string>{"a", "b", "x"}));
}

TEST(Templates, ExecutingAnUnknownTemplateIsNotFound) {
  Templates templates;
  templates.setName("gotpl");
  try {
    (void)templates.execute("nope", Value());
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    EXPECT_EQ(error.message(), R"(template: no template "nope" associated with template "gotpl")");
  }
}

TEST(Templates, CustomDelimiters) {
  Templates templates;
  templates.setDelimiters("[[", "]]");
  EXPECT_EQ(render(templates, "{{ kept }} [[ .a ]] [[- \" x\" -]] .", fromJson({{"a", 1}})),
            "{{ kept }} 1 x.");
}

// A struct pointer with a field and a method, as Helm's .Capabilities is.
class Capabilities : public Object {
 public:
  [[nodiscard]] std::string typeName() const override { return "*chartutil.Capabilities"; }
  [[nodiscard]] std::optional<Value> field(std::string_view name) const override {
    if (name == "KubeVersion") return Value::string("v1.28.0");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Function> method(std::string_view name) const override {
    if (name != "Has") return std::nullopt;
    return Function{{Param::kString}, false, [](CallContext&, std::vector<Value>& args) {
                      return Value::boolean(args[0].asString() == "apps/v1");
                    }};
  }
  [[nodiscard]] std::string text() const override { return "&{v1.28.0}"; }
};

TEST(Templates, ObjectsHaveFieldsAndMethods) {
  Templates templates;
  auto data = std::make_shared<MapData>();
  data->entries["Caps"] = Value::object(std::make_shared<Capabilities>());
  const Value root = Value::sharedMap(data);
  EXPECT_EQ(
      render(templates, R"({{ .Caps.KubeVersion }} {{ .Caps.Has "apps/v1" }} {{ .Caps.Has "x" }})",
             root),
      "v1.28.0 true false");
  EXPECT_EQ(render(templates, "{{ .Caps }} {{ printf \"%T\" .Caps }}", root),
            "&{v1.28.0} *chartutil.Capabilities");
  // Read out of the map it is an interface{}; out of a variable, itself.
  const auto failure = [&](std::string_view text) {
    try {
      render(templates, text, root);
    } catch (const ExecError& error) {
      return error.message();
    }
    return std::string("no error");
  };
  EXPECT_NE(failure("{{ .Caps.Nope }}").find("can't evaluate field Nope in type interface {}"),
            std::string::npos);
  EXPECT_NE(failure("{{ $c := .Caps }}{{ $c.Nope }}")
                .find("can't evaluate field Nope in type *chartutil.Capabilities"),
            std::string::npos);
  EXPECT_THROW(render(templates, "{{ .Caps.KubeVersion 1 }}", root), ExecError);
}

TEST(Templates, MapsAreSharedByReference) {
  Templates templates({{"put", Function{{Param::kMap, Param::kString, Param::kAny},
                                        false,
                                        [](CallContext&, std::vector<Value>& args) {
                                          args[0].asMap().entries[args[1].asString()] = args[2];
                                          return args[0];
                                        }}}});
  const Value data = fromJson({{"m", nlohmann::json::object()}});
  EXPECT_EQ(render(templates, R"({{ $m := .m }}{{ $_ := put $m "k" "v" }}{{ .m.k }})", data), "v");
  EXPECT_EQ(data.asMap().entries.at("m").asMap().entries.at("k").asString(), "v");
}

TEST(Templates, EndlessRecursionStopsAtTheDepthLimit) {
  Templates templates;
  templates.parse("t",
                  R"({{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }})");
  try {
    (void)templates.execute("t", Value(), Limits{.max_depth = 50});
    FAIL() << "no error";
  } catch (const ExecError& error) {
    EXPECT_NE(error.message().find("exceeded maximum template depth (50)"), std::string::npos)
        << error.message();
  }
  // The default limit is reached without exhausting the native stack.
  EXPECT_THROW((void)templates.execute("t", Value()), ExecError);
}

TEST(Templates, LongLoopsAndLargeOutputsStop) {
  Templates templates;
  templates.parse(
      "loops", R"({{ range $i := .l }}{{ range $.l }}{{ range $.l }}x{{ end }}{{ end }}{{ end }})");
  std::vector<Value> items(300, Value::integer(1));
  auto data = std::make_shared<MapData>();
  data->entries["l"] = Value::list(items);
  try {
    (void)templates.execute("loops", Value::sharedMap(data), Limits{.max_steps = 100'000});
    FAIL() << "no error";
  } catch (const ExecError& error) {
    EXPECT_NE(error.message().find("stopped after 100000 steps"), std::string::npos)
        << error.message();
  }
  try {
    (void)templates.execute("loops", Value::sharedMap(data), Limits{.max_output_bytes = 1000});
    FAIL() << "no error";
  } catch (const ExecError& error) {
    EXPECT_NE(error.message().find("output exceeds 1000 bytes"), std::string::npos)
        << error.message();
  }
}

TEST(Templates, NestedExecutionsShareOneBudget) {
  // A function that executes another template, as Helm's include does.
  Templates templates(
      {{"run",
        Function{{Param::kString}, false, [](CallContext& context, std::vector<Value>& args) {
                   std::string out;
                   context.templates.execute(args[0].asString(), Value(), out, context.budget);
                   return Value::string(out);
                 }}}});
  templates.parse("t", R"({{ define "self" }}{{ run "self" }}{{ end }}{{ run "self" }})");
  try {
    (void)templates.execute("t", Value(), Limits{.max_depth = 20});
    FAIL() << "no error";
  } catch (const ExecError& error) {
    EXPECT_NE(error.message().find("exceeded maximum template depth (20)"), std::string::npos)
        << error.message();
    EXPECT_EQ(error.function(), "run");
  }
}

TEST(Format, FloatsPrintAsGoPrintsThem) {
  EXPECT_EQ(formatFloat(1e6, 'g', -1), "1e+06");
  EXPECT_EQ(formatFloat(123456, 'g', -1), "123456");
  EXPECT_EQ(formatFloat(0.1 + 0.2, 'g', -1), "0.30000000000000004");
  EXPECT_EQ(formatFloat(1e21, 'f', -1), "1000000000000000000000");
  EXPECT_EQ(formatFloat(2.5, 'e', 3), "2.500e+00");
  EXPECT_EQ(formatFloat(-0.0, 'g', -1), "-0");
  const Value args[] = {Value::number(1e6), Value::integer(3), Value::string("s")};
  EXPECT_EQ(sprint(args), "1e+06 3s");
  EXPECT_EQ(sprintln(args), "1e+06 3 s\n");
}

TEST(GoJson, SyntaxErrorsAndValueEndsReadAsEncodingJsons) {
  EXPECT_EQ(goJsonSyntaxError(R"({"a": [1, {"b": null}]})"), std::nullopt);
  EXPECT_EQ(goJsonSyntaxError("{\"a\":}"), "invalid character '}' looking for beginning of value");
  EXPECT_EQ(goJsonSyntaxError("[1"), "unexpected end of JSON input");
  EXPECT_EQ(goJsonSyntaxError("tru"), "invalid character ' ' in literal true (expecting 'e')");
  EXPECT_EQ(goJsonSyntaxError("{1:2}"),
            "invalid character '1' looking for beginning of object key string");
  EXPECT_EQ(goJsonSyntaxError("'a'"), R"(invalid character '\'' looking for beginning of value)");
  EXPECT_EQ(goJsonSyntaxError("01"), "invalid character '1' after top-level value");
  // json.Decoder: where the first value ends, the rest left to read.
  using End = std::variant<std::size_t, std::string>;
  EXPECT_EQ(goJsonValueEnd("1,b=2"), End(std::size_t{1}));
  EXPECT_EQ(goJsonValueEnd(" {\"a\":[1]},x"), End(std::size_t{10}));
  EXPECT_EQ(goJsonValueEnd("\"s\" ,"), End(std::size_t{3}));
  EXPECT_EQ(goJsonValueEnd("2.5e3"), End(std::size_t{5}));
  EXPECT_EQ(goJsonValueEnd("  "), End(std::string("EOF")));
  EXPECT_EQ(goJsonValueEnd("[1,"), End(std::string("unexpected EOF")));
}

}  // namespace
}  // namespace meshery::gotmpl
