from sakae_council.cli.main import main

raise SystemExit(main())
