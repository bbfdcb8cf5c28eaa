import type { IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import type { AccordFileVersion } from '../../shared/model/accord-file';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { FileVersionSchema } from '../../shared/model/versions';
import { firstIssueMessage } from '../../shared/model/validation';
import { checkVersionSeals, sealNewVersion } from '../pdf/accord-seal';
import type { Host } from './host';
import { identityStoreFor, sealingNames, trustStoreFor } from './pdf';

/** Re-reads versions the renderer sent with the one schema and parseAgreement: the renderer is untrusted. */
function readVersions(raw: readonly unknown[]): AccordFileVersion[] {
  return raw.map((entry, index) => {
    const parsed = FileVersionSchema.safeParse(entry);
    if (!parsed.success) throw new Error(`version ${index + 1} is not a signed version: ${firstIssueMessage(parsed.error)}`);
    const agreement = parseAgreement(parsed.data.agreement);
    if (!agreement.ok) throw new Error(`version ${parsed.data.number}: ${agreement.message}`);
    const { seal, ...rest } = parsed.data;
    return { ...rest, agreement: agreement.agreement, ...(seal ? { seal } : {}) };
  });
}

/**
 * `accord:seal-versions`: seals the version whose signing has just completed
 * (the last one given) over the history before it, with this installation's
 * key; refuses one locked more than a few minutes ago or that breaks the
 * signing rules. Never called at export: what was not sealed when signed here
 * is never sealed.
 */
export async function sealVersionsHandler(host: Host, request: IpcValidRequest<'accord:seal-versions'>): Promise<IpcResponse<'accord:seal-versions'>> {
  const versions = readVersions(request.versions);
  const version = versions.at(-1);
  if (!version) throw new Error('No version to seal.');
  const identity = await identityStoreFor(host).get(sealingNames(request.name, version.agreement.workshop.facilitator));
  return { seal: sealNewVersion(versions.slice(0, -1), version, identity, host.now().getTime()).seal };
}

/** `accord:check-seals`: checks each version's rules and seal; who sealed it by its certificate's fingerprint (the trust store). */
export async function checkSealsHandler(host: Host, request: IpcValidRequest<'accord:check-seals'>): Promise<IpcResponse<'accord:check-seals'>> {
  const versions = readVersions(request.versions);
  const trust = trustStoreFor(host);
  return { checks: await checkVersionSeals(versions, (fingerprint) => trust.describe(fingerprint)) };
}
