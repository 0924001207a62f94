from hcmlc.cli import main

main()
