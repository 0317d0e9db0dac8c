from unionctl.cli import main

main()
