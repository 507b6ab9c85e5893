/* schema.h - the database schema as an ordered list of migrations.
 * Migration i (1-based) brings PRAGMA user_version from i-1 to i. */
#ifndef WS_SCHEMA_H
#define WS_SCHEMA_H

extern const char *const schema_migrations[];
extern const int schema_version; /* number of migrations = latest version */

#endif
