/**
 * The roles of the law version in force on a date, with the office each stands for: what a portal maps its own
 * users onto (and what the demo portal's role switcher offers).
 */
import { resolveLaw, selectLawVersion, type LawVersionFile } from '@hoso/workflow';

export interface RoleOffice {
  role: string;
  office: { vi: string; en: string };
}

export async function rolesInForce(date: string): Promise<RoleOffice[]> {
  const { laws } = await import('@hoso/workflows/generated/content.js');
  const files = laws as unknown as LawVersionFile[];
  const law = resolveLaw(files, selectLawVersion(files, date).id);
  return Object.entries(law.values)
    .filter(([path]) => path.startsWith('role.'))
    .map(([path, v]) => ({ role: path.slice(5), office: v['office'] as { vi: string; en: string } }))
    .filter((r) => r.office && typeof r.office.vi === 'string');
}
