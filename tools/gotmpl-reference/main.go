// Command gotmpl-reference fills in the expected results of the template
// golden cases under tests/golden/gotmpl from Go's own text/template and
// Sprig, so the C++ engine is checked against the real thing.
//
// Usage (Debian: apt-get install golang-go golang-github-masterminds-sprig-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run tools/gotmpl-reference/main.go tests/golden/gotmpl/*.txt
//
// Cases under a folder named "sprig" run with Sprig's functions (which
// replace some builtins, such as slice); under "golden/helm" also with the
// functions Helm adds; the others with the builtins only.
// Each case's "--- output" or "--- error" section is replaced by what Go
// produced. Cases with a "--- manual" section are left alone (features
// newer than the Go release Debian ships, checked by hand against the Go
// documentation instead).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

// helmFunctions behave as the functions Helm 3 adds to Sprig's
// (pkg/engine/funcs.go), on the same libraries (sigs.k8s.io/yaml,
// encoding/json).
func helmFunctions() template.FuncMap {
	return template.FuncMap{
		"toYaml": func(v interface{}) string {
			data, err := yaml.Marshal(v)
			if err != nil {
				return ""
			}
			return strings.TrimSuffix(string(data), "\n")
		},
		"fromYaml": func(str string) map[string]interface{} {
			m := map[string]interface{}{}
			if err := yaml.Unmarshal([]byte(str), &m); err != nil {
				m["Error"] = err.Error()
			}
			return m
		},
		"fromYamlArray": func(str string) []interface{} {
			a := []interface{}{}
			if err := yaml.Unmarshal([]byte(str), &a); err != nil {
				a = []interface{}{err.Error()}
			}
			return a
		},
		"toJson": func(v interface{}) string {
			data, err := json.Marshal(v)
			if err != nil {
				return ""
			}
			return string(data)
		},
		"fromJson": func(str string) map[string]interface{} {
			m := map[string]interface{}{}
			if err := json.Unmarshal([]byte(str), &m); err != nil {
				m["Error"] = err.Error()
			}
			return m
		},
		"fromJsonArray": func(str string) []interface{} {
			a := []interface{}{}
			if err := json.Unmarshal([]byte(str), &a); err != nil {
				a = []interface{}{err.Error()}
			}
			return a
		},
		"required": func(warn string, val interface{}) (interface{}, error) {
			if val == nil {
				return val, errors.New("HELM_ERR_START" + warn + "HELM_ERR_END")
			} else if s, ok := val.(string); ok && s == "" {
				return val, errors.New("HELM_ERR_START" + warn + "HELM_ERR_END")
			}
			return val, nil
		},
		"lookup": func(string, string, string, string) (map[string]interface{}, error) {
			return map[string]interface{}{}, nil
		},
	}
}

type section struct {
	name string
	body string
}

type testCase struct {
	name     string
	sections []section
}

func (c *testCase) get(name string) (string, bool) {
	for _, s := range c.sections {
		if s.name == name {
			return s.body, true
		}
	}
	return "", false
}

func parseFile(text string) (header string, cases []*testCase) {
	lines := strings.SplitAfter(text, "\n")
	var current *testCase
	var sec *section
	flush := func() {
		if sec != nil && current != nil {
			sec.body = strings.TrimSuffix(sec.body, "\n")
			current.sections = append(current.sections, *sec)
		}
		sec = nil
	}
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "=== "):
			flush()
			current = &testCase{name: strings.TrimSpace(line[4:])}
			cases = append(cases, current)
		case strings.HasPrefix(line, "--- ") && current != nil:
			flush()
			sec = &section{name: strings.TrimSpace(line[4:])}
		case sec != nil:
			sec.body += line
		case current == nil:
			header += line
		}
	}
	flush()
	return header, cases
}

func run(c *testCase, withSprig, withHelm bool) (string, string) {
	tmpl, _ := c.get("template")
	data := map[string]interface{}{}
	if raw, ok := c.get("data"); ok {
		if err := json.Unmarshal([]byte(raw), &data); err != nil {
			panic(fmt.Sprintf("%s: bad data: %v", c.name, err))
		}
	}
	t := template.New("test")
	if withSprig {
		t.Funcs(sprig.TxtFuncMap())
	}
	if withHelm {
		t.Funcs(helmFunctions())
	}
	if options, ok := c.get("options"); ok {
		for _, option := range strings.Fields(options) {
			t.Option(option)
		}
	}
	if _, err := t.Parse(tmpl); err != nil {
		return "", err.Error()
	}
	var out strings.Builder
	if err := t.Execute(&out, data); err != nil {
		return "", err.Error()
	}
	return out.String(), ""
}

func render(header string, cases []*testCase) string {
	var b strings.Builder
	b.WriteString(header)
	for _, c := range cases {
		b.WriteString("=== " + c.name + "\n")
		for _, s := range c.sections {
			b.WriteString("--- " + s.name + "\n")
			if s.body != "" || s.name == "output" {
				b.WriteString(s.body + "\n")
			}
		}
	}
	return b.String()
}

func main() {
	for _, path := range os.Args[1:] {
		raw, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		header, cases := parseFile(string(raw))
		for _, c := range cases {
			if _, manual := c.get("manual"); manual {
				continue
			}
			helm := strings.Contains(path, "golden/helm")
			output, failure := run(c, strings.Contains(path, "sprig") || helm, helm)
			kept := c.sections[:0]
			for _, s := range c.sections {
				if s.name != "output" && s.name != "error" {
					kept = append(kept, s)
				}
			}
			c.sections = kept
			if failure != "" {
				c.sections = append(c.sections, section{"error", failure})
			} else {
				c.sections = append(c.sections, section{"output", output})
			}
		}
		if err := os.WriteFile(path, []byte(render(header, cases)), 0o644); err != nil {
			panic(err)
		}
	}
}
