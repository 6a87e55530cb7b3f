"""What serves people: the live desk page and alert rules."""
