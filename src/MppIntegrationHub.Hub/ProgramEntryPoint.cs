// Public so WebApplicationFactory<Program> in the integration tests can start the real host.
#pragma warning disable CA1515
public partial class Program;
#pragma warning restore CA1515
