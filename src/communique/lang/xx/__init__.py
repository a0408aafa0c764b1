"""The fallback language (`xx`): data every document gets (debris, numeric dates), whatever its language,
and the defaults of languages without their own."""
