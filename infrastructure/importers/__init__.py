"""Question banks from other tools (GIFT, Moodle XML, Aiken, CSV) read as course packs and
written back from them.

Nothing is imported here: ``format_names`` must stay light for the CLI's options, and the
parsers and writers are imported from their modules by the commands that use them.
"""
