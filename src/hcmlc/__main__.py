from hcmlc.cli.saved_output import main

main()
