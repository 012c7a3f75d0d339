package org.zged.synthesis;

import org.zged.filter.Response;

class ButterworthLadderTest extends LadderGeneralChecks {
  @Override
  Response response() {
    return Response.BUTTERWORTH;
  }
}
