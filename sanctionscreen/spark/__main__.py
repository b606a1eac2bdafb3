"""``python -m sanctionscreen.spark`` (``submit.py``). ``spark-submit`` takes this
file's path as its application (``docs/spark.md``)."""

from __future__ import annotations

import sys

from sanctionscreen.spark.submit import main

if __name__ == "__main__":
    sys.exit(main())
