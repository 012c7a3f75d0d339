package org.zged.synthesis;

import org.zged.filter.Response;

class BesselLadderTest extends LadderGeneralChecks {
  @Override
  Response response() {
    return Response.BESSEL;
  }
}
