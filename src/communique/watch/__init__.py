"""Monitoring: sources (feeds, sitemaps, listing pages), polite fetching, watch mode, watchlists and alerts.

    sources = load_sources("sources.yaml")             # communique.watch.config
    lists = load_watchlists("watchlists.yaml")
    engine = open_store("communique.db")               # communique.store
    run_cycle(engine, sources, lists, WatchSettings())  # communique.watch.runner: one pass, returns CycleReport
    watch_loop(...)                                     # cycles every N seconds until SIGINT/SIGTERM
    source_status(engine)                               # communique.watch.state: rows for `watch status`

The commands (`communique watch`, `watch status`) are in `communique.cli.watch`.
"""
