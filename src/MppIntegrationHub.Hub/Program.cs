using MppIntegrationHub.Hub;

var builder = WebApplication.CreateBuilder(args);
builder.AddIntegrationHub();

var app = builder.Build();
app.MapIntegrationHub();

app.Run();
