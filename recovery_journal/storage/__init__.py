"""The encrypted journal: key envelope, SQLCipher database, ORM, repositories, search and backups.

Nothing here imports Qt. ORM rows never leave this package: repositories hand out domain objects.
"""
