/** The credit the network and location databases' licences (CC BY 4.0) ask for where their data is used. */
export function NetworkDataCredit() {
  return (
    <>
      Network and location data:{" "}
      <a href="https://www.routeviews.org/" rel="noopener external">
        RouteViews
      </a>{" "}
      and{" "}
      <a href="https://db-ip.com" rel="noopener external">
        DB-IP
      </a>
      .
    </>
  );
}
