#!/usr/bin/env python3
"""Synthesise a large models directory for the registry benchmark.

Usage: make_models.py SOURCE_MODEL_DIR OUT_DIR [MODELS] [COMPONENTS]

SOURCE_MODEL_DIR is a model in Meshery's published layout (the bundled
kubernetes model: .../kubernetes/v1.13.0/v1.0.0 holding model.json and
components/*.json). Its components are the templates, so the schemas keep a
realistic size. For model i in 0..MODELS-1 this writes
OUT_DIR/model-i/v1.0.{i}/v1.0.0/model.json and COMPONENTS components with
kinds Kind{i}x{j}, apiVersion bench{i}.example.com/v1. Every `id` is removed
so the server derives deterministic ones. Standard library only.
"""
import copy
import json
import os
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    models = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    per_model = int(sys.argv[4]) if len(sys.argv) > 4 else 100

    with open(os.path.join(source, "model.json")) as f:
        model_template = json.load(f)
    comp_dir = os.path.join(source, "components")
    templates = []
    for name in sorted(os.listdir(comp_dir)):
        if name.endswith(".json"):
            with open(os.path.join(comp_dir, name)) as f:
                templates.append(json.load(f))
    if not templates:
        sys.exit(f"no component templates in {comp_dir}")

    for i in range(models):
        name = f"model-{i}"
        upstream = f"v1.0.{i}"
        model = copy.deepcopy(model_template)
        model.pop("id", None)
        model["name"] = name
        model["displayName"] = f"Model {i}"
        model["model"] = {"version": upstream}
        model["components_count"] = per_model
        model["components"] = None
        model.setdefault("metadata", {})["source_uri"] = f"bench://{name}"
        reg = model.get("registrant")  # all models share the registrant
        model_dir = os.path.join(out, name, upstream, "v1.0.0")
        os.makedirs(os.path.join(model_dir, "components"), exist_ok=True)
        with open(os.path.join(model_dir, "model.json"), "w") as f:
            json.dump(model, f)

        reference = {
            "displayName": model["displayName"],
            "model": {"version": upstream},
            "name": name,
            "registrant": {"kind": (reg or {}).get("kind", "github")},
            "version": model.get("version", "v1.0.0"),
        }
        # The embedded model is the model document itself (as the bundled
        # components carry it), without its id.
        embedded = {k: v for k, v in model.items()}
        for j in range(per_model):
            comp = dict(templates[(i * per_model + j) % len(templates)])
            comp.pop("id", None)
            kind = f"Kind{i}x{j}"
            inner = dict(comp["component"])
            inner["kind"] = kind
            inner["version"] = f"bench{i}.example.com/v1"
            comp["component"] = inner
            comp["displayName"] = f"Kind {i}x{j}"
            comp["model"] = embedded
            comp["modelReference"] = reference
            with open(os.path.join(model_dir, "components", f"{kind}.json"), "w") as f:
                json.dump(comp, f)


if __name__ == "__main__":
    main()
