"""`python -m kkmp_pos`: the same entry point as the `kkmp-pos` command."""

import sys

from kkmp_pos.cli import main

sys.exit(main())
