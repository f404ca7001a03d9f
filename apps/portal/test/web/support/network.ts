// What a network admin has set up before a service first signs in: an organisation, a service, the
// 2021/22 cycle and the service's login with its one-time password (all through the API).
import { Client, createAccount, type Harness, signedIn } from "../../support/harness.ts";

export interface SetUpService {
  readonly admin: Client;
  readonly serviceId: string;
  readonly login: string;
  readonly oneTimePassword: string;
}

const must = <T>(answer: { status: number; body: T }, what: string): T => {
  if (answer.status >= 300)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

export const setUpService = async (
  harness: Harness,
  name = "Oakwood Secure Hospital",
  cycle: string | null = "2021/22",
): Promise<SetUpService> => {
  const adminLogin = "admin@network.test";
  const existing = await new Client(harness).login(adminLogin, "correct horse battery");
  if (existing.status !== 200)
    await createAccount(harness, { login: adminLogin, role: "network-admin" });
  const admin = await signedIn(harness, adminLogin);
  const organisation = must(
    await admin.post("/api/v1/organisations", { name: `${name} Trust` }),
    "organisation",
  ) as { id: string };
  const service = must(
    await admin.post("/api/v1/services", { organisationId: organisation.id, name }),
    "service",
  ) as { id: string };
  if (
    cycle !== null &&
    (await admin.get(`/api/v1/cycles/${cycle.replace("/", "-")}`)).status === 404
  )
    must(await admin.post("/api/v1/cycles", { label: cycle }), "cycle");
  const issued = must(
    await admin.post(`/api/v1/services/${service.id}/login`),
    "service login",
  ) as { login: string; oneTimePassword: string };
  return {
    admin,
    serviceId: service.id,
    login: issued.login,
    oneTimePassword: issued.oneTimePassword,
  };
};
