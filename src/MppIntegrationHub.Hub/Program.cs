using MppIntegrationHub.Hub;

// Configuration files are read once: nothing in the hub reloads options, and watching them for changes watches the
// whole content root, where the embedded store's files are written on every commit (a watcher event per write).
// Given first, so an operator's own --hostBuilder:reloadConfigOnChange still wins.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.AddIntegrationHub();

var app = builder.Build();
app.MapIntegrationHub();

app.Run();
