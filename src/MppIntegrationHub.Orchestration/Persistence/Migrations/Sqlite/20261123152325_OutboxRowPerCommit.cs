using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MppIntegrationHub.Orchestration.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxRowPerCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MessageCount",
                table: "workflow_outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Rows still unsent keep their one message, now in the envelope array the relay reads.
            migrationBuilder.Sql("""UPDATE workflow_outbox SET "Body" = '[{"type":"' || "MessageType" || '","message":' || "Body" || '}]'""");

            // SQLite drops a column in place (3.35+); EF's DropColumn would rebuild the table outside the migration's transaction.
            migrationBuilder.Sql("""ALTER TABLE workflow_outbox DROP COLUMN "MessageType";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MessageCount",
                table: "workflow_outbox");

            migrationBuilder.AddColumn<string>(
                name: "MessageType",
                table: "workflow_outbox",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }
    }
}
