"""Write scenarios/schema.json from the Scenario model, so editors can check scenario files.

Run after changing voice_sim/core/scenario.py:  .venv/bin/python scripts/make_schema.py
tests/test_scenarios.py fails while the file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voice_sim.core.scenario import Scenario  # noqa: E402 (after the path setup)

SCHEMA_PATH = ROOT / "scenarios" / "schema.json"


def render() -> str:
    """The schema file's exact text; the test compares against this."""
    schema = Scenario.model_json_schema()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    text = render()
    if SCHEMA_PATH.exists() and SCHEMA_PATH.read_text(encoding="utf-8") == text:
        print(f"{SCHEMA_PATH.relative_to(ROOT)} is up to date")
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
