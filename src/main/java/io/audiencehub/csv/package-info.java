/**
 * CSV audiences: files of visitor ids that admins upload as audiences of one connector, shown in the
 * Directory and under EXTERNAL DATA like any source's (docs/csv-audiences.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "CSV audiences")
package io.audiencehub.csv;
