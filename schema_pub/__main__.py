from schema_pub.cli import main

main()
