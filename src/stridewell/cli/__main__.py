from stridewell.cli import main

main()
