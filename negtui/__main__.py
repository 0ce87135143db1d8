from negtui.cli import main

raise SystemExit(main())
