#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pok.settings")
    from django.core.management import execute_from_command_line

    from pok.env import SettingsError

    try:
        execute_from_command_line(sys.argv)
    except SettingsError as error:  # what to set, in one line, not a traceback
        sys.exit(f"SiPOK: {error}")


if __name__ == "__main__":
    main()
