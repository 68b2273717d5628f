from . import access


def navigation(request):
    """What the menu shows; the views enforce the same rules on the server."""
    user = getattr(request, "user", None)
    return {
        "nav": {
            "role": access.role_of(user),
            "is_admin": access.is_admin(user),
            "is_operator": access.is_operator(user),
            "can_view_history": access.can_view_history(user),
            "can_manage_master_data": access.can_manage_master_data(user),
        }
    }
