using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MppIntegrationHub.Orchestration.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationTraceContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "workflow_applications",
                type: "TEXT",
                maxLength: 55,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "workflow_applications");
        }
    }
}
