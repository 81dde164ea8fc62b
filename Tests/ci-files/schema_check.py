"""Checks schema/reconcile.schema.json with an independent validator (Python's
jsonschema, draft 2020-12): every config example validates, and every file of the
invalid corpus listed in shape-faults.txt is rejected. YAML is read as YAML 1.2, as
reconcile reads it (`yes` is a string)."""
import json
import pathlib
import sys

import jsonschema
from ruamel.yaml import YAML

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "schema/reconcile.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
yaml = YAML(typ="safe", pure=True)
yaml.version = (1, 2)


def errors(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8-sig")
    return list(validator.iter_errors(yaml.load(data)))


failures = 0
# Config files only: examples/ci, deploy and scale-out hold pipelines and manifests (the
# same folders ExamplesTests leaves to their own validators).
not_configs = {"ci", "deploy", "scale-out"}
examples = sorted(p for p in (root / "examples").rglob("*.y*ml") if not not_configs & set(p.relative_to(root / "examples").parts))
for path in examples:
    found = errors(path)
    for error in found:
        print(f"FAIL {path.relative_to(root)}: the schema rejects a valid example: {error.message}")
    failures += bool(found)
listed = [line.strip() for line in (root / "Tests/ci-files/shape-faults.txt").read_text().splitlines()
          if line.strip() and not line.startswith(("#", "-"))]
for name in listed:
    path = root / "Tests/ReconcileCoreTests/Invalid" / name
    if not errors(path):
        print(f"FAIL {name}: a shape fault the schema accepts")
        failures += 1
print(f"{len(examples)} examples valid, {len(listed)} shape faults rejected" if not failures else f"{failures} failure(s)")
sys.exit(1 if failures else 0)
