import sys

from voice_sim.cli import main

sys.exit(main())
