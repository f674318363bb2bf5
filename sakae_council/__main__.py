from sakae_council.cli import main

raise SystemExit(main())
