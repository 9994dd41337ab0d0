# An automation script to deploy with "Maximo: Deploy Automation Script" (Ctrl+Alt+D).
# The scriptConfig block below names it and says how it runs; deploy it, change the message,
# deploy again (only what changed is sent), and find it on the server from scripts.maximo.
scriptConfig = """{
    "autoscript": "MXWB_GREETING",
    "description": "Greets whoever calls it through /oslc/script",
    "version": "1.0",
    "active": true,
    "logLevel": "ERROR"
}"""

name = request.getQueryParam("name") or "Maximo"
responseBody = '{"message": "Greetings, %s!"}' % name
