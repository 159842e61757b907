def handler(event, context):
    raise RuntimeError("not wired")
