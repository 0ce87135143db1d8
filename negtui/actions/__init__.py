"""What a user can do, one function per action, shared by the command line and the screens.

Each use case decides with the domain's rules and persists through the store; it never
draws anything. A screen calls one, then shows what it returned.
"""
