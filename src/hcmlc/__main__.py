from hcmlc.cli.app import main

main()
