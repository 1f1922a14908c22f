{{- define "tree.node" -}}
{{ repeat (int .level) "  " }}- {{ .node.name }}
{{- range .node.children }}
{{ include "tree.node" (dict "node" . "level" (add1 $.level)) }}
{{- end }}
{{- end -}}
{{- define "countdown" -}}
{{ . }}{{ if gt (int .) 0 }},{{ include "countdown" (sub (int .) 1) }}{{ end }}
{{- end -}}
