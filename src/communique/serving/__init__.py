"""What the JSON API (`communique.api`) and the web pages (`communique.web`) share, so neither imports the other.

    settings.py   Settings (the store, who may read, the token that allows writes) and request limits
    guard.py      the middleware: who may connect, how big a body may be, the security headers
    errors.py     errors as JSON for the API and as the pages' HTML error page for browsers, never a traceback
    requests.py   the store's engine of a request, and the event filter from query parameters
    params.py     unknown query parameters refused with 400 (each route's own, from its dependencies)
    public.py     what the server shows of itself: sources without its folders, merged actors' new address
    search.py     search by entity as well as words: the query resolved through the knowledge base
"""
